package bj.gouv.masm.conventions;

import bj.gouv.masm.shared.AuditedEntity;
import bj.gouv.masm.partners.PartnerKind;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.NaturalId;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.TreeSet;

/** A partner's convention dossier (reference DOS-<year>-<sequence>, the lifecycle's business key). */
@Entity
@Table(name = "dossier")
public class Dossier extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Natural id: the dossier read by reference again in the same transaction comes from memory, not SQL. */
    @NaturalId
    @Column(nullable = false, unique = true, updatable = false)
    private String reference;

    @Column(name = "partner_id", nullable = false)
    private Long partnerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "partner_kind", nullable = false)
    private PartnerKind partnerKind;

    /** The department whose CPS handles the dossier (null for a PTF, handled centrally). */
    private String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DossierStatus status;

    @Column(name = "cooperation_object")
    private String cooperationObject;

    @Column(name = "requested_duration_months")
    private Integer requestedDurationMonths;

    /** For a renewal dossier: the number of the convention it renews. */
    @Column(name = "renewal_of")
    private String renewalOf;

    @Column(name = "missing_documents")
    private String missingDocuments;

    /** The task that asked for the missing documents (the dossier goes back there). */
    @Column(name = "missing_documents_requested_by")
    private String missingDocumentsRequestedBy;

    @Column(name = "missing_documents_deadline")
    private OffsetDateTime missingDocumentsDeadline;

    @Column(name = "check_comment")
    private String checkComment;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_opinion")
    private ReviewOpinion reviewOpinion;

    @Column(name = "review_comment")
    private String reviewComment;

    /** Why the dossier was rejected, abandoned or cancelled. */
    @Column(name = "closing_reason")
    private String closingReason;

    /** The SGM's comment when returning the dossier to the DPAF or declining to sign. */
    @Column(name = "signature_comment")
    private String signatureComment;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dossier_axis", joinColumns = @JoinColumn(name = "dossier_id"))
    @Column(name = "code")
    private Set<String> axes = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dossier_domain", joinColumns = @JoinColumn(name = "dossier_id"))
    @Column(name = "code")
    private Set<String> domains = new TreeSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dossier_department", joinColumns = @JoinColumn(name = "dossier_id"))
    @Column(name = "code")
    private Set<String> departments = new TreeSet<>();

    /** Codes of ref_required_document ticked as received. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dossier_document", joinColumns = @JoinColumn(name = "dossier_id"))
    @Column(name = "code")
    private Set<String> receivedDocuments = new TreeSet<>();

    protected Dossier() {
    }

    public Dossier(String reference, Long partnerId, PartnerKind partnerKind, String department) {
        this.reference = reference;
        this.partnerId = partnerId;
        this.partnerKind = partnerKind;
        this.department = department;
        this.status = DossierStatus.FILED;
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public Long getPartnerId() { return partnerId; }
    public PartnerKind getPartnerKind() { return partnerKind; }
    public String getDepartment() { return department; }
    public DossierStatus getStatus() { return status; }
    void setStatus(DossierStatus status) { this.status = status; }
    public String getCooperationObject() { return cooperationObject; }
    public void setCooperationObject(String v) { this.cooperationObject = v; }
    public Integer getRequestedDurationMonths() { return requestedDurationMonths; }
    public void setRequestedDurationMonths(Integer v) { this.requestedDurationMonths = v; }
    public String getRenewalOf() { return renewalOf; }
    public void setRenewalOf(String renewalOf) { this.renewalOf = renewalOf; }
    public String getMissingDocuments() { return missingDocuments; }
    public void setMissingDocuments(String v) { this.missingDocuments = v; }
    public String getMissingDocumentsRequestedBy() { return missingDocumentsRequestedBy; }
    public void setMissingDocumentsRequestedBy(String v) { this.missingDocumentsRequestedBy = v; }
    public OffsetDateTime getMissingDocumentsDeadline() { return missingDocumentsDeadline; }
    public void setMissingDocumentsDeadline(OffsetDateTime v) { this.missingDocumentsDeadline = v; }
    public String getCheckComment() { return checkComment; }
    public void setCheckComment(String v) { this.checkComment = v; }
    public ReviewOpinion getReviewOpinion() { return reviewOpinion; }
    public void setReviewOpinion(ReviewOpinion v) { this.reviewOpinion = v; }
    public String getReviewComment() { return reviewComment; }
    public void setReviewComment(String v) { this.reviewComment = v; }
    public String getClosingReason() { return closingReason; }
    public void setClosingReason(String v) { this.closingReason = v; }
    public String getSignatureComment() { return signatureComment; }
    public void setSignatureComment(String v) { this.signatureComment = v; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String v) { this.processInstanceId = v; }
    public Set<String> getAxes() { return axes; }
    public void setAxes(Set<String> v) { axes.clear(); axes.addAll(v); }
    public Set<String> getDomains() { return domains; }
    public void setDomains(Set<String> v) { domains.clear(); domains.addAll(v); }
    public Set<String> getDepartments() { return departments; }
    public void setDepartments(Set<String> v) { departments.clear(); departments.addAll(v); }
    public Set<String> getReceivedDocuments() { return receivedDocuments; }
    public void setReceivedDocuments(Set<String> v) { receivedDocuments.clear(); receivedDocuments.addAll(v); }
}
