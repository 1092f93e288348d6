package bj.gouv.masm.reviews;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A recommendation as the API shows it. */
public record RecommendationView(Long id, RecommendationSource source, String sourceKey, String department,
                                 String text, String owner, LocalDate dueDate, RecommendationStatus status,
                                 String statusReason, boolean followUpOpen, int followUps, OffsetDateTime closedAt,
                                 OffsetDateTime createdAt, String createdBy, OffsetDateTime updatedAt,
                                 String updatedBy) {

    public static RecommendationView of(Recommendation r) {
        return new RecommendationView(r.getId(), r.getSourceType(), r.getSourceKey(), r.getDepartment(), r.getText(),
                r.getOwnerGroup(), r.getDueDate(), r.getStatus(), r.getStatusReason(), r.isFollowUpOpen(),
                r.getFollowUps(), r.getClosedAt(), r.getCreatedAt(), r.getCreatedBy(), r.getUpdatedAt(),
                r.getUpdatedBy());
    }
}
