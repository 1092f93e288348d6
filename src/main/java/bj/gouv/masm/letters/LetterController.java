package bj.gouv.masm.letters;

import bj.gouv.masm.letters.LetterViews.LetterView;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Letters and the convention PDF over HTTP ({@link LetterViews} decides what the caller may see). Every GET
 * also answers under {@code /dashboard/...}, which a Tasklist session opens without a second login (the link
 * in the signature form, the dashboard's partner letters page).
 */
@RestController
@RequiredArgsConstructor
public class LetterController {

    private final LetterViews letters;

    @GetMapping("/api/partners/{id}/letters")
    public List<LetterView> ofPartner(@PathVariable Long id) {
        return letters.ofPartner(id);
    }

    @GetMapping("/api/letters/{id}")
    public Map<String, Object> get(@PathVariable Long id) {
        return letters.letter(id);
    }

    /** The letter as it was written, printable (for a letter TO_PRINT, or to read a FAILED one). */
    @GetMapping({"/api/letters/{id}/document.pdf", "/dashboard/letters/{id}/document.pdf"})
    public ResponseEntity<byte[]> letterPdf(@PathVariable Long id) {
        return pdfAnswer(letters.letterPdf(id), "lettre-" + id + ".pdf");
    }

    @GetMapping({"/api/letters/{id}/attachments/{attachmentId}", "/dashboard/letters/{id}/attachments/{attachmentId}"})
    public ResponseEntity<byte[]> attachment(@PathVariable Long id, @PathVariable Long attachmentId) {
        LetterViews.AttachmentContent attachment = letters.attachment(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(attachment.fileName())
                        .build().toString())
                .body(attachment.content());
    }

    /** A FAILED letter goes back to the outbox (after its address was corrected, say): DPAF and administrators. */
    @PostMapping("/api/letters/{id}/retry")
    public LetterView retry(@PathVariable Long id) {
        return letters.retry(id);
    }

    /** The signed convention as stored at signature (produced once for a convention signed before this feature). */
    @GetMapping({"/api/conventions/{number}/document.pdf", "/dashboard/conventions/{number}/document.pdf"})
    public ResponseEntity<byte[]> conventionPdf(@PathVariable String number) {
        ConventionDocuments.Document document = letters.conventionDocument(number);
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
        return pdfAnswer(letters.draft(reference), "projet-convention-" + reference + ".pdf");
    }

    private ResponseEntity<byte[]> pdfAnswer(byte[] content, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(content);
    }
}
