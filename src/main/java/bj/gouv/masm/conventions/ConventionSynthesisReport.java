package bj.gouv.masm.conventions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The end-of-convention synthesis report (Annex 2 § III: "la synthèse des travaux menés et le bilan des
 * actions réalisées"), recorded in Task_RecordSynthesisReport after expiry or termination. One per convention.
 */
@Entity
@Table(name = "convention_synthesis_report")
public class ConventionSynthesisReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "convention_id", nullable = false)
    private Long conventionId;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "work_summary", nullable = false)
    private String workSummary;

    @Column(nullable = false)
    private String assessment;

    private String recommendations;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    protected ConventionSynthesisReport() {
    }

    public ConventionSynthesisReport(Long conventionId, LocalDate receivedOn, String workSummary, String assessment,
                                     String recommendations, OffsetDateTime recordedAt, String recordedBy) {
        this.conventionId = conventionId;
        this.receivedOn = receivedOn;
        this.workSummary = workSummary;
        this.assessment = assessment;
        this.recommendations = recommendations;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public Long getId() { return id; }
    public Long getConventionId() { return conventionId; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public String getWorkSummary() { return workSummary; }
    public String getAssessment() { return assessment; }
    public String getRecommendations() { return recommendations; }
    public OffsetDateTime getRecordedAt() { return recordedAt; }
    public String getRecordedBy() { return recordedBy; }
}
