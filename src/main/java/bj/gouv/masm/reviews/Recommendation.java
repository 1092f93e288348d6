package bj.gouv.masm.reviews;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of the recommendations register. */
@Entity
@Table(name = "recommendation")
public class Recommendation {

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

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

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

    public void touch(String actor, OffsetDateTime now) {
        if (createdAt == null) {
            createdAt = now;
            createdBy = actor;
        }
        updatedAt = now;
        updatedBy = actor;
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
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }
}
