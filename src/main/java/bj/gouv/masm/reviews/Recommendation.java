package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of the recommendations register. */
@Entity
@Table(name = "recommendation")
public class Recommendation extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_type", nullable = false)
    private RecommendationSource sourceType;

    @Column(name = "source_key", nullable = false)
    private String sourceKey;

    private String department;

    @Column(nullable = false)
    private String text;

    @Column(name = "owner_group", nullable = false)
    private String ownerGroup;

    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RecommendationStatus status;

    @Column(name = "status_reason")
    private String statusReason;

    @Column(name = "follow_up_open", nullable = false)
    private boolean followUpOpen;

    @Column(name = "follow_ups", nullable = false)
    private int followUps;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    protected Recommendation() {
    }

    public Recommendation(RecommendationSource sourceType, String sourceKey, String department, String text,
                          String ownerGroup, LocalDate dueDate) {
        this.sourceType = sourceType;
        this.sourceKey = sourceKey;
        this.department = department;
        this.text = text;
        this.ownerGroup = ownerGroup;
        this.dueDate = dueDate;
        this.status = RecommendationStatus.OPEN;
    }

    public boolean isOverdue(LocalDate today) {
        return !status.isClosed() && dueDate.isBefore(today);
    }

    void changeStatus(RecommendationStatus newStatus, String reason, OffsetDateTime now) {
        this.status = newStatus;
        this.statusReason = reason;
        this.closedAt = newStatus.isClosed() ? now : null;
    }

    public Long getId() { return id; }
    public RecommendationSource getSourceType() { return sourceType; }
    public String getSourceKey() { return sourceKey; }
    public String getDepartment() { return department; }
    public String getText() { return text; }
    public String getOwnerGroup() { return ownerGroup; }
    public LocalDate getDueDate() { return dueDate; }
    void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public RecommendationStatus getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public boolean isFollowUpOpen() { return followUpOpen; }
    void setFollowUpOpen(boolean followUpOpen) { this.followUpOpen = followUpOpen; }
    public int getFollowUps() { return followUps; }
    void countFollowUp() { this.followUps++; }
    public OffsetDateTime getClosedAt() { return closedAt; }
}
