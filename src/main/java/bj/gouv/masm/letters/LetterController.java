package bj.gouv.masm.letters;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.conventions.DossierRepository;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.EngineCalls;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Letters and the convention PDF over HTTP. Every GET also answers under {@code /dashboard/...}, which a
 * Tasklist session opens without a second login (the link in the signature form, the dashboard's partner
 * letters page). Scoping follows the cases: a CPS sees the letters of its departments' cases, central
 * groups see all; anything else answers 404 as if it did not exist.
 */
@RestController
public class LetterController {

    private final LetterQueries letters;
    private final PartnerRepository partners;
    private final ConventionRepository conventions;
    private final DossierRepository dossiers;
    private final ConventionDocuments documents;
    private final PdfRenderer pdf;
    private final AccessScope scope;
    private final EngineCalls engineCalls;
    private final TaskService taskService;
    private final java.time.Clock clock;
    private final JdbcTemplate jdbc;

    public LetterController(LetterQueries letters, PartnerRepository partners, ConventionRepository conventions,
                            DossierRepository dossiers, ConventionDocuments documents, PdfRenderer pdf, AccessScope scope,
                            EngineCalls engineCalls, TaskService taskService, java.time.Clock clock,
                            JdbcTemplate jdbc) {
        this.letters = letters;
        this.partners = partners;
        this.conventions = conventions;
        this.dossiers = dossiers;
        this.documents = documents;
        this.pdf = pdf;
        this.scope = scope;
        this.engineCalls = engineCalls;
        this.taskService = taskService;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    public record AttachmentView(String fileName, String contentType, int size, String href) {
    }

    public record LetterView(Long id, OffsetDateTime date, String kind, String subject, String recipient,
                             String recipientName, String status, String caseReference, Long partnerId,
                             OffsetDateTime sentAt, int attempts, String lastError, String href, String pdf,
                             List<AttachmentView> attachments) {
    }

    @GetMapping("/api/partners/{id}/letters")
    public List<LetterView> ofPartner(@PathVariable Long id) {
        partners.findById(id).orElseThrow(() -> ApiException.notFound("Partenaire inconnu : " + id));
        return letters.ofPartner(id).stream().filter(this::visible).map(this::view).toList();
    }

    @GetMapping("/api/letters/{id}")
    public Map<String, Object> get(@PathVariable Long id) {
        LetterQueries.LetterRow row = visibleLetter(id);
        Map<String, Object> answer = new HashMap<>();
        answer.put("letter", view(row));
        answer.put("bodyHtml", letters.bodyHtml(id));
        return answer;
    }

    /** The letter as it was written, printable (for a letter TO_PRINT, or to read a FAILED one). */
    @GetMapping({"/api/letters/{id}/document.pdf", "/dashboard/letters/{id}/document.pdf"})
    public ResponseEntity<byte[]> letterPdf(@PathVariable Long id) {
        visibleLetter(id);
        return pdfAnswer(pdf.render(letters.bodyHtml(id)), "lettre-" + id + ".pdf");
    }

    @GetMapping({"/api/letters/{id}/attachments/{attachmentId}", "/dashboard/letters/{id}/attachments/{attachmentId}"})
    public ResponseEntity<byte[]> attachment(@PathVariable Long id, @PathVariable Long attachmentId) {
        visibleLetter(id);
        LetterQueries.AttachmentRow meta = letters.attachments(id).stream().filter(a -> a.id().equals(attachmentId))
                .findFirst().orElseThrow(() -> ApiException.notFound("Pièce jointe inconnue"));
        byte[] content = letters.attachmentContent(id, attachmentId).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(meta.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(meta.fileName())
                        .build().toString())
                .body(content);
    }

    /** A FAILED letter goes back to the outbox (after its address was corrected, say): DPAF and administrators. */
    @PostMapping("/api/letters/{id}/retry")
    public LetterView retry(@PathVariable Long id) {
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
    @GetMapping({"/api/conventions/{number}/document.pdf", "/dashboard/conventions/{number}/document.pdf"})
    public ResponseEntity<byte[]> conventionPdf(@PathVariable String number) {
        Convention convention = conventions.findByNumber(number)
                .filter(c -> scope.canSeeDepartment(c.getDepartment()))
                .orElseThrow(() -> ApiException.notFound("Convention inconnue : " + number));
        ConventionDocuments.Document document = documents.find(convention.getNumber())
                .orElseGet(() -> documents.produce(convention.getNumber()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("X-Content-SHA256", document.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(document.fileName())
                        .build().toString())
                .body(document.content());
    }

    /**
     * The draft convention for the SGM before signing: the dossier and what the signature form holds so far
     * (values saved in Tasklist). SGM, DPAF and administrators; the dossier must be waiting for signature.
     */
    @GetMapping({"/api/dossiers/{reference}/draft-convention.pdf", "/dashboard/dossiers/{reference}/draft-convention.pdf"})
    public ResponseEntity<byte[]> draft(@PathVariable String reference) {
        scope.requireAnyGroup(Groups.SGM, Groups.DPAF);
        Dossier dossier = dossiers.findByReference(reference)
                .filter(d -> scope.canSeeDepartment(d.getDepartment()))
                .orElseThrow(() -> ApiException.notFound("Dossier inconnu : " + reference));
        Map<String, Object> typed = engineCalls.asSystem(() -> typedAtSignature(dossier));
        return pdfAnswer(documents.draft(dossier, typed), "projet-convention-" + reference + ".pdf");
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

    private ResponseEntity<byte[]> pdfAnswer(byte[] content, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(content);
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
