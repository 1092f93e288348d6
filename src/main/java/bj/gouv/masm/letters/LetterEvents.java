package bj.gouv.masm.letters;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionReadQueries;
import bj.gouv.masm.conventions.ConventionRevokedEvent;
import bj.gouv.masm.conventions.ConventionSignedEvent;
import bj.gouv.masm.conventions.ConventionTermsChangedEvent;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.conventions.DossierClosedEvent;
import bj.gouv.masm.conventions.DossierFiledEvent;
import bj.gouv.masm.conventions.MissingDocumentsRequestedEvent;
import bj.gouv.masm.conventions.RequiredDocuments;
import bj.gouv.masm.conventions.SignatureDeclinedEvent;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reporting.PartnerNotifiedEvent;
import bj.gouv.masm.reporting.QuarterlyReport;
import bj.gouv.masm.reporting.ReportingReadQueries;
import bj.gouv.masm.reporting.ReportStatus;
import bj.gouv.masm.reporting.ReportingNotifications;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the partner's letter for each domain event, synchronously, inside the transaction that published
 * it (plain {@code @EventListener}, not after commit): the letter is in the outbox if and only if the
 * decision is committed. The letters about evaluations and review invitations come from the engine's task
 * events ({@code process.TaskLetters}).
 */
@Component
@RequiredArgsConstructor
public class LetterEvents {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LetterEvents.class);

    private final Outbox outbox;
    private final ConventionDocuments documents;
    private final PartnerReadQueries partners;
    private final ConventionReadQueries conventions;
    private final ReportingReadQueries reports;
    private final RequiredDocuments requiredDocuments;
    private final ReferenceDataService reference;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @EventListener
    public void dossierFiled(DossierFiledEvent event) {
        Dossier dossier = conventions.findDossier(event.dossierReference()).orElse(null);
        if (dossier == null || dossier.getRenewalOf() != null) {
            return; // a renewal is opened by the Ministry itself: no acknowledgement
        }
        Partner partner = partner(event.partnerId());
        Map<String, Object> model = new HashMap<>();
        model.put("handledBy", handledBy(dossier.getDepartment()));
        model.put("requiredDocuments", requiredDocuments.requiredFrom(partner.getKind()).stream()
                .map(RequiredDocuments.RequiredDocument::label).toList());
        outbox.toPartner(LetterKind.DOSSIER_RECEIVED, partner, dossier.getReference(), dossier.getDepartment(), model,
                List.of(), "DOSSIER_RECEIVED:" + dossier.getReference());
    }

    @EventListener
    public void missingDocuments(MissingDocumentsRequestedEvent event) {
        Dossier dossier = conventions.findDossier(event.dossierReference()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("missingDocuments", event.missingDocuments() == null ? "" : event.missingDocuments());
        model.put("deadline", event.deadline() == null ? "" : Outbox.frenchDate(
                event.deadline().atZoneSameInstant(clock.getZone()).toLocalDate()));
        model.put("handledBy", toOffice(dossier.getDepartment()));
        String key = "DOCUMENTS_MISSING:" + dossier.getReference() + ":" + (event.deadline() == null ? ""
                : event.deadline().toInstant().getEpochSecond());
        outbox.toPartner(LetterKind.DOCUMENTS_MISSING, partner(event.partnerId()), dossier.getReference(),
                dossier.getDepartment(), model, List.of(), key);
    }

    @EventListener
    public void dossierClosed(DossierClosedEvent event) {
        Dossier dossier = conventions.findDossier(event.dossierReference()).orElseThrow();
        LetterKind kind = event.outcome() == DossierClosedEvent.Outcome.REJECTED
                ? LetterKind.DOSSIER_REJECTED : LetterKind.DOSSIER_ABANDONED;
        Map<String, Object> model = new HashMap<>();
        model.put("reason", event.reason() == null ? "" : event.reason());
        outbox.toPartner(kind, partner(event.partnerId()), dossier.getReference(), dossier.getDepartment(), model,
                List.of(), kind + ":" + dossier.getReference());
    }

    @EventListener
    public void signatureDeclined(SignatureDeclinedEvent event) {
        String department = conventions.findDossier(event.dossierReference()).map(Dossier::getDepartment).orElse(null);
        outbox.toPartner(LetterKind.SIGNATURE_DECLINED, partner(event.partnerId()), event.dossierReference(), department,
                Map.of("reason", event.reason() == null ? "" : event.reason()), List.of(),
                "SIGNATURE_DECLINED:" + event.dossierReference());
    }

    /** The convention PDF is produced and stored now, and attached to the partner's letter. */
    @EventListener
    public void conventionSigned(ConventionSignedEvent event) {
        Convention convention = conventions.findByNumber(event.conventionNumber()).orElseThrow();
        ConventionDocuments.Document document;
        try {
            document = documents.produce(convention.getNumber());
        } catch (RuntimeException e) {
            // the signature stands; the PDF is produced at its first download (GET .../document.pdf)
            log.error("Convention {} could not be rendered as PDF at signature", convention.getNumber(), e);
            document = null;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("signedOn", Outbox.frenchDate(convention.getSignedOn()));
        model.put("startDate", Outbox.frenchDate(convention.getStartDate()));
        model.put("endDate", Outbox.frenchDate(convention.getEndDate()));
        model.put("midTermDate", Outbox.frenchDate(convention.getMidTermDate()));
        model.put("finalEvaluationDate", Outbox.frenchDate(convention.getFinalEvaluationDate()));
        model.put("durationMonths", convention.getDurationMonths());
        model.put("sha256", document == null ? "(document à télécharger)" : document.sha256());
        outbox.toPartner(LetterKind.CONVENTION_SIGNED, partner(event.partnerId()), convention.getNumber(),
                convention.getDepartment(), model, document == null ? List.of()
                        : List.of(new Outbox.Attachment(document.fileName(), "application/pdf", document.content())),
                "CONVENTION_SIGNED:" + convention.getNumber());
    }

    @EventListener
    public void termsChanged(ConventionTermsChangedEvent event) {
        Convention convention = conventions.findByNumber(event.conventionNumber()).orElseThrow();
        LetterKind kind = switch (event.change()) {
            case EXTENDED -> LetterKind.CONVENTION_EXTENDED;
            case SUSPENDED -> LetterKind.CONVENTION_SUSPENDED;
            case SUSPENSION_LIFTED -> LetterKind.SUSPENSION_LIFTED;
            case TERMINATED -> LetterKind.CONVENTION_TERMINATED;
        };
        Map<String, Object> model = new HashMap<>();
        model.put("reason", event.reason() == null ? "" : event.reason());
        model.put("newEndDate", Outbox.frenchDate(event.newEndDate()));
        outbox.toPartner(kind, partner(event.partnerId()), convention.getNumber(), convention.getDepartment(), model,
                List.of(), null);
    }

    @EventListener
    public void revoked(ConventionRevokedEvent event) {
        Convention convention = conventions.findByNumber(event.conventionNumber()).orElseThrow();
        outbox.toPartner(LetterKind.REVOCATION, partner(event.partnerId()), convention.getNumber(),
                convention.getDepartment(), Map.of("reason", event.reason() == null ? "" : event.reason()), List.of(),
                "REVOCATION:" + convention.getNumber());
    }

    /** The reporting feature's mail log: warnings after a missed or incomplete quarter, regularisation invitations. */
    @EventListener
    public void reportingNotification(PartnerNotifiedEvent event) {
        Partner partner = partner(event.partnerId());
        if (ReportingNotifications.WARNING.equals(event.kind())) {
            QuarterlyReport report = reports.findByBusinessKey(event.relatedKey()).orElseThrow();
            Map<String, Object> model = new HashMap<>();
            model.put("quarter", report.quarterValue().toString());
            model.put("conventionNumber", report.getConventionNumber());
            model.put("missed", report.getStatus() == ReportStatus.MISSED);
            model.put("indicatorsReported", report.getIndicatorsReported());
            model.put("indicatorsExpected", report.getIndicatorsExpected());
            outbox.toPartner(LetterKind.REPORTING_WARNING, partner, report.getBusinessKey(), report.getDepartment(),
                    model, List.of(), "REPORTING_WARNING:" + report.getBusinessKey());
        } else if (ReportingNotifications.REGULARISATION_INVITATION.equals(event.kind())) {
            Long id = Long.valueOf(event.relatedKey().replace("REG-", ""));
            Map<String, Object> row = jdbc.queryForMap("select department, invitations from osc_regularisation where id = ?", id);
            String department = (String) row.get("department");
            int invitations = ((Number) row.get("invitations")).intValue();
            Map<String, Object> model = new HashMap<>();
            model.put("departmentLabel", reference.label(ReferenceCategory.DEPARTMENT, department));
            model.put("reminder", invitations > 0);
            outbox.toPartner(LetterKind.REGULARISATION_INVITATION, partner, event.relatedKey(), department, model,
                    List.of(), "REGULARISATION_INVITATION:" + event.relatedKey() + ":" + invitations);
        }
    }

    String handledBy(String department) {
        return department == null ? "la Direction de la Planification, de l'Administration et des Finances (DPAF)"
                : "le Centre de Promotion Sociale (CPS) " + reference.label(ReferenceCategory.DEPARTMENT, department);
    }

    /** « au CPS ... » / « à la DPAF » (where documents are sent). */
    String toOffice(String department) {
        return department == null ? "à la Direction de la Planification, de l'Administration et des Finances (DPAF)"
                : "au Centre de Promotion Sociale (CPS) " + reference.label(ReferenceCategory.DEPARTMENT, department);
    }

    private Partner partner(Long id) {
        return partners.findById(id).orElseThrow(() -> new IllegalStateException("Unknown partner " + id));
    }
}
