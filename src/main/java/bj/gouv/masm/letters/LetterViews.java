package bj.gouv.masm.letters;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionReadQueries;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.EngineCalls;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters and convention documents as the API and the dashboard show them ({@link LetterController},
 * {@link PartnerLettersPage}). Scoping follows the cases: a CPS sees the letters of its departments' cases,
 * central groups see all; anything else answers 404 as if it did not exist.
 */
@Service
@RequiredArgsConstructor
public class LetterViews {

    public record AttachmentView(String fileName, String contentType, int size, String href) {
    }

    public record LetterView(Long id, OffsetDateTime date, String kind, String subject, String recipient,
                             String recipientName, String status, String caseReference, Long partnerId,
                             OffsetDateTime sentAt, int attempts, String lastError, String href, String pdf,
                             List<AttachmentView> attachments) {
    }

    /** An attachment's content with what its HTTP answer needs. */
    public record AttachmentContent(String fileName, String contentType, byte[] content) {
    }

    /** What the dashboard's partner page shows. */
    public record PartnerPage(Partner partner, List<Convention> conventions, List<LetterView> letters) {
    }

    private final LetterQueries letters;
    private final PartnerReadQueries partners;
    private final ConventionReadQueries conventions;
    private final ConventionDocuments documents;
    private final PdfRenderer pdf;
    private final AccessScope scope;
    private final EngineCalls engineCalls;
    private final TaskService taskService;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    /** The letters of a partner the caller may see; 404 for an unknown partner. */
    public List<LetterView> ofPartner(Long id) {
        partners.findById(id).orElseThrow(() -> ApiException.notFound("Partenaire inconnu : " + id));
        return letters.ofPartner(id).stream().filter(this::visible).map(this::view).toList();
    }

    /** A letter and its body. */
    public Map<String, Object> letter(Long id) {
        LetterQueries.LetterRow row = visibleLetter(id);
        Map<String, Object> answer = new HashMap<>();
        answer.put("letter", view(row));
        answer.put("bodyHtml", letters.bodyHtml(id));
        return answer;
    }

    /** The letter as it was written, as a PDF. */
    public byte[] letterPdf(Long id) {
        visibleLetter(id);
        return pdf.render(letters.bodyHtml(id));
    }

    public AttachmentContent attachment(Long id, Long attachmentId) {
        visibleLetter(id);
        LetterQueries.AttachmentRow meta = letters.attachments(id).stream().filter(a -> a.id().equals(attachmentId))
                .findFirst().orElseThrow(() -> ApiException.notFound("Pièce jointe inconnue"));
        return new AttachmentContent(meta.fileName(), meta.contentType(),
                letters.attachmentContent(id, attachmentId).orElseThrow());
    }

    /** A FAILED letter goes back to the outbox (after its address was corrected, say): DPAF and administrators. */
    @Transactional
    public LetterView retry(Long id) {
        scope.requireAnyGroup(Groups.DPAF);
        LetterQueries.LetterRow row = visibleLetter(id);
        if (!Outbox.FAILED.equals(row.status())) {
            throw ApiException.conflict("Seule une lettre en échec (FAILED) peut être renvoyée ; celle-ci est " + row.status());
        }
        if (row.recipient() == null) {
            throw ApiException.conflict("Cette lettre n'a pas de destinataire électronique : imprimez-la.");
        }
        jdbc.update("update letter set status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = null "
                + "where id = ? and status = 'FAILED'", OffsetDateTime.now(clock), id);
        return view(letters.find(id).orElseThrow());
    }

    /** The signed convention as stored at signature (produced once for a convention signed before this feature). */
    public ConventionDocuments.Document conventionDocument(String number) {
        Convention convention = conventions.findByNumber(number)
                .filter(c -> scope.canSeeDepartment(c.getDepartment()))
                .orElseThrow(() -> ApiException.notFound("Convention inconnue : " + number));
        return documents.find(convention.getNumber()).orElseGet(() -> documents.produce(convention.getNumber()));
    }

    /**
     * The draft convention for the SGM before signing: the dossier and what the signature form holds so far
     * (values saved in Tasklist). SGM, DPAF and administrators; the dossier must be waiting for signature.
     */
    public byte[] draft(String reference) {
        scope.requireAnyGroup(Groups.SGM, Groups.DPAF);
        Dossier dossier = conventions.findDossier(reference)
                .filter(d -> scope.canSeeDepartment(d.getDepartment()))
                .orElseThrow(() -> ApiException.notFound("Dossier inconnu : " + reference));
        Map<String, Object> typed = engineCalls.asSystem(() -> typedAtSignature(dossier));
        return documents.draft(dossier, typed);
    }

    /** The partner, its conventions the caller may see, and its letters with links under /dashboard. */
    @Transactional(readOnly = true)
    public PartnerPage partnerPage(Long id) {
        Partner partner = partners.findById(id).orElseThrow(() -> ApiException.notFound("Partenaire inconnu : " + id));
        List<LetterView> views = ofPartner(id).stream()
                .map(v -> new LetterView(v.id(), v.date(), v.kind(), v.subject(), v.recipient(),
                        v.recipientName(), v.status(), v.caseReference(), v.partnerId(), v.sentAt(), v.attempts(),
                        v.lastError(), v.href(), "/dashboard/letters/" + v.id() + "/document.pdf",
                        v.attachments().stream().map(a -> new AttachmentView(a.fileName(),
                                a.contentType(), a.size(), a.href().replace("/api/letters/", "/dashboard/letters/")))
                                .toList()))
                .toList();
        return new PartnerPage(partner, conventions.findByPartnerIdOrderBySignedOnDesc(id).stream()
                .filter(c -> scope.canSeeDepartment(c.getDepartment())).toList(), views);
    }

    private Map<String, Object> typedAtSignature(Dossier dossier) {
        Map<String, Object> typed = new HashMap<>();
        if (dossier.getProcessInstanceId() == null) {
            return typed;
        }
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(dossier.getProcessInstanceId())
                .taskDefinitionKey("Task_SignConvention").active().list();
        if (tasks.isEmpty()) {
            throw ApiException.conflict("Le dossier " + dossier.getReference() + " n'attend pas de signature.");
        }
        for (String key : List.of("signedOn", "durationMonths", "partnerSignatory", "obligations",
                "monitoringArrangement", "renewalConditions", "accompaniment", "accountability")) {
            Object value = taskService.getVariable(tasks.get(0).getId(), key);
            if (value instanceof java.util.Date date) {
                value = Outbox.frenchDate(date.toInstant().atZone(clock.getZone()).toLocalDate());
            }
            if (value != null && !(value instanceof String s && s.isBlank())) {
                typed.put(key, value);
            }
        }
        return typed;
    }

    private LetterQueries.LetterRow visibleLetter(Long id) {
        return letters.find(id).filter(this::visible).orElseThrow(() -> ApiException.notFound("Lettre inconnue : " + id));
    }

    /** Like the cases: by the department of the case; letters to staff: DPAF and administrators only. */
    private boolean visible(LetterQueries.LetterRow row) {
        if (row.partnerId() == null) {
            return scope.isMemberOrAdmin(Groups.DPAF);
        }
        return scope.canSeeDepartment(row.department());
    }

    private LetterView view(LetterQueries.LetterRow row) {
        String href = "/api/letters/" + row.id();
        List<AttachmentView> attachments = letters.attachments(row.id()).stream()
                .map(a -> new AttachmentView(a.fileName(), a.contentType(), a.size(),
                        href + "/attachments/" + a.id())).toList();
        return new LetterView(row.id(), row.createdAt(), row.kind(), row.subject(), row.recipient(), row.recipientName(),
                row.status(), row.caseReference(), row.partnerId(), row.sentAt(), row.attempts(), row.lastError(), href,
                href + "/document.pdf", attachments);
    }
}
