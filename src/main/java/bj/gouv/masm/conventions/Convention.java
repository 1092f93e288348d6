package bj.gouv.masm.conventions;

import bj.gouv.masm.shared.AuditedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** A signed convention between the Ministry and a partner (number CONV-<year>-<4 digits>). */
@Entity
@Table(name = "convention")
public class Convention extends AuditedEntity {

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

    // The seven mandatory elements (domain.md): domains, obligations, monitoring & evaluation, duration
    // (durationMonths), renewal conditions, accompaniment, accountability.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "convention_domain", joinColumns = @JoinColumn(name = "convention_id"))
    @Column(name = "code")
    private Set<String> domains = new TreeSet<>();

    private String obligations;

    @Column(name = "monitoring_arrangement")
    private String monitoringArrangement;

    @Column(name = "renewal_conditions")
    private String renewalConditions;

    private String accompaniment;

    private String accountability;

    /** Why the convention left ACTIVE (revocation reason, expiry, renewal). */
    @Column(name = "closed_reason")
    private String closedReason;

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

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public Long getPartnerId() { return partnerId; }
    public String getDepartment() { return department; }
    public String getDossierReference() { return dossierReference; }
    public void setDossierReference(String dossierReference) { this.dossierReference = dossierReference; }
    public ConventionStatus getStatus() { return status; }

    /** In force on that day ({@link ConventionTerms#isInForce}, the one copy of the rule). */
    public boolean isInForceOn(LocalDate day) {
        return ConventionTerms.isInForce(status, startDate, endDate, day);
    }
    public void setStatus(ConventionStatus status) { this.status = status; }
    public LocalDate getSignedOn() { return signedOn; }
    public int getDurationMonths() { return durationMonths; }
    public LocalDate getStartDate() { return startDate; }
    public LocalDate getEndDate() { return endDate; }
    public LocalDate getMidTermDate() { return midTermDate; }
    public LocalDate getFinalEvaluationDate() { return finalEvaluationDate; }

    /** Extension ("prorogée d'un commun accord"): a later end date and, if still to come, final evaluation date. */
    void extendTo(LocalDate newEndDate, LocalDate newFinalEvaluationDate) {
        this.endDate = newEndDate;
        this.finalEvaluationDate = newFinalEvaluationDate;
    }
    public String getPartnerSignatory() { return partnerSignatory; }
    public void setPartnerSignatory(String partnerSignatory) { this.partnerSignatory = partnerSignatory; }
    public String getRenewalOf() { return renewalOf; }
    public void setRenewalOf(String renewalOf) { this.renewalOf = renewalOf; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Set<String> getDomains() { return domains; }
    public void setDomains(Set<String> v) { domains.clear(); domains.addAll(v); }
    public String getObligations() { return obligations; }
    public void setObligations(String obligations) { this.obligations = obligations; }
    public String getMonitoringArrangement() { return monitoringArrangement; }
    public void setMonitoringArrangement(String v) { this.monitoringArrangement = v; }
    public String getRenewalConditions() { return renewalConditions; }
    public void setRenewalConditions(String renewalConditions) { this.renewalConditions = renewalConditions; }
    public String getAccompaniment() { return accompaniment; }
    public void setAccompaniment(String accompaniment) { this.accompaniment = accompaniment; }
    public String getAccountability() { return accountability; }
    public void setAccountability(String accountability) { this.accountability = accountability; }
    public String getClosedReason() { return closedReason; }
    public void setClosedReason(String closedReason) { this.closedReason = closedReason; }
}
