package bj.gouv.masm.dashboard;

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

/**
 * Two activities of different partners in the same commune, domain and target group whose periods
 * overlap: a possible duplicate funding, reviewed by DPAF. Rows are inserted by the detection
 * (OverlapDetectionService) and only their review changes afterwards.
 */
@Entity
@Table(name = "overlap_flag")
public class OverlapFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Report activity A (null when A is a PTF-funded activity). */
    @Column(name = "activity_a_id")
    private Long activityAId;

    /** Report activity B (null when B is a PTF-funded activity). */
    @Column(name = "activity_b_id")
    private Long activityBId;

    /** PTF-funded activity A (funded_activity), when A is one. */
    @Column(name = "funded_a_id")
    private Long fundedAId;

    /** PTF-funded activity B, when both are funded activities. */
    @Column(name = "funded_b_id")
    private Long fundedBId;

    @Column(name = "partner_a_id", nullable = false)
    private Long partnerAId;

    @Column(name = "partner_b_id", nullable = false)
    private Long partnerBId;

    @Column(nullable = false)
    private String department;

    @Column(nullable = false)
    private String commune;

    @Column(nullable = false)
    private String domain;

    @Column(name = "target_group", nullable = false)
    private String targetGroup;

    @Column(name = "overlap_start", nullable = false)
    private LocalDate overlapStart;

    @Column(name = "overlap_end", nullable = false)
    private LocalDate overlapEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OverlapStatus status;

    @Column(name = "detected_at", nullable = false)
    private OffsetDateTime detectedAt;

    @Column(name = "detected_by", nullable = false)
    private String detectedBy;

    private String reason;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private OffsetDateTime reviewedAt;

    @Version
    private long version;

    protected OverlapFlag() {
    }

    /** Records DPAF's decision; the reason is required (checked by the service). */
    public void review(OverlapStatus decision, String reason, String actor, OffsetDateTime at) {
        this.status = decision;
        this.reason = reason;
        this.reviewedBy = actor;
        this.reviewedAt = at;
    }

    public Long getId() { return id; }
    public Long getActivityAId() { return activityAId; }
    public Long getActivityBId() { return activityBId; }
    public Long getFundedAId() { return fundedAId; }
    public Long getFundedBId() { return fundedBId; }
    public Long getPartnerAId() { return partnerAId; }
    public Long getPartnerBId() { return partnerBId; }
    public String getDepartment() { return department; }
    public String getCommune() { return commune; }
    public String getDomain() { return domain; }
    public String getTargetGroup() { return targetGroup; }
    public LocalDate getOverlapStart() { return overlapStart; }
    public LocalDate getOverlapEnd() { return overlapEnd; }
    public OverlapStatus getStatus() { return status; }
    public OffsetDateTime getDetectedAt() { return detectedAt; }
    public String getDetectedBy() { return detectedBy; }
    public String getReason() { return reason; }
    public String getReviewedBy() { return reviewedBy; }
    public OffsetDateTime getReviewedAt() { return reviewedAt; }
    public long getVersion() { return version; }
}
