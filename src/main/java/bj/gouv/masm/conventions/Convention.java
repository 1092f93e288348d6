package bj.gouv.masm.conventions;

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

/** A signed convention between the Ministry and a partner (number CONV-<year>-<4 digits>). */
@Entity
@Table(name = "convention")
public class Convention {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(name = "partner_id", nullable = false)
    private Long partnerId;

    /** The department whose CPS follows the partner (null for a PTF followed centrally). */
    private String department;

    @Column(name = "dossier_reference")
    private String dossierReference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConventionStatus status;

    @Column(name = "signed_on", nullable = false)
    private LocalDate signedOn;

    @Column(name = "duration_months", nullable = false)
    private int durationMonths;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;

    @Column(name = "mid_term_date", nullable = false)
    private LocalDate midTermDate;

    @Column(name = "final_evaluation_date", nullable = false)
    private LocalDate finalEvaluationDate;

    @Column(name = "partner_signatory")
    private String partnerSignatory;

    @Column(name = "renewal_of")
    private String renewalOf;

    @Column(name = "process_instance_id")
    private String processInstanceId;

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

    protected Convention() {
    }

    public Convention(String number, Long partnerId, String department, LocalDate signedOn, int durationMonths,
                      LocalDate startDate, LocalDate endDate, LocalDate midTermDate, LocalDate finalEvaluationDate) {
        this.number = number;
        this.partnerId = partnerId;
        this.department = department;
        this.signedOn = signedOn;
        this.durationMonths = durationMonths;
        this.startDate = startDate;
        this.endDate = endDate;
        this.midTermDate = midTermDate;
        this.finalEvaluationDate = finalEvaluationDate;
        this.status = ConventionStatus.ACTIVE;
    }

    public void touch(String actor, OffsetDateTime now) {
        if (createdAt == null) {
            createdAt = now;
            createdBy = actor;
        }
        updatedAt = now;
        updatedBy = actor;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public Long getPartnerId() { return partnerId; }
    public String getDepartment() { return department; }
    public String getDossierReference() { return dossierReference; }
    public void setDossierReference(String dossierReference) { this.dossierReference = dossierReference; }
    public ConventionStatus getStatus() { return status; }
    public void setStatus(ConventionStatus status) { this.status = status; }
    public LocalDate getSignedOn() { return signedOn; }
    public int getDurationMonths() { return durationMonths; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public LocalDate getMidTermDate() { return midTermDate; }
    public LocalDate getFinalEvaluationDate() { return finalEvaluationDate; }
    public String getPartnerSignatory() { return partnerSignatory; }
    public void setPartnerSignatory(String partnerSignatory) { this.partnerSignatory = partnerSignatory; }
    public String getRenewalOf() { return renewalOf; }
    public void setRenewalOf(String renewalOf) { this.renewalOf = renewalOf; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }
}
