package bj.gouv.masm.letters;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.shared.CurrentActor;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.unbescape.html.HtmlEscape;

/**
 * Writes letters into the outbox (table {@code letter}), in the caller's transaction: the letter exists
 * if and only if the change that caused it is committed. Sending is {@link LetterSender}'s job.
 */
@Service
@RequiredArgsConstructor
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String TO_PRINT = "TO_PRINT";

    private final JdbcTemplate jdbc;
    private final LetterTemplates templates;
    private final LetterSettings settings;
    private final CurrentActor actor;
    private final Clock clock;

    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /**
     * One letter to write. {@code recipient} null or blank: the letter is TO_PRINT (handed over by the CPS).
     * {@code dedupeKey}: a second letter with the same key is not written (null: no such guard).
     */
    public record Draft(LetterKind kind, Long partnerId, String caseReference, String department, String recipient,
                        String recipientName, Map<String, Object> model, List<Attachment> attachments,
                        String dedupeKey) {
    }

    /** A letter to a partner, at the partner's e-mail address (TO_PRINT without one). */
    public Optional<Long> toPartner(LetterKind kind, Partner partner, String caseReference, String department,
                                    Map<String, Object> model, List<Attachment> attachments, String dedupeKey) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("partner", partner);
        String name = partner.getContactName() != null && !partner.getContactName().isBlank()
                ? partner.getContactName() : partner.getName();
        return write(new Draft(kind, partner.getId(), caseReference, department, partner.getEmail(), name, full,
                attachments, dedupeKey));
    }

    /** Renders and stores the letter; a template error still stores it (FAILED, with the error), nothing is lost. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Long> write(Draft draft) {
        if (draft.dedupeKey() != null && exists(draft.dedupeKey())) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>(draft.model());
        model.put("reference", draft.caseReference());
        model.put("recipientName", draft.recipientName());
        model.put("today", frenchDate(LocalDate.now(clock)));
        model.put("signatureLines", List.of(settings.getSignature().split("\\R|\\\\n")));
        model.put("settings", settings);
        String status = draft.recipient() == null || draft.recipient().isBlank() ? TO_PRINT : PENDING;
        String subject;
        String html;
        String error = null;
        try {
            LetterTemplates.Rendered rendered = templates.render(draft.kind().template(), model);
            subject = rendered.subject();
            html = rendered.html();
        } catch (RuntimeException e) {
            log.error("Letter template {} failed for {}", draft.kind().template(), draft.caseReference(), e);
            error = "Modèle " + draft.kind().template() + ".html illisible : " + rootMessage(e);
            subject = "[Lettre non rédigée] " + draft.kind() + " — " + draft.caseReference();
            html = "<html><head><title>" + HtmlEscape.escapeHtml5Xml(subject) + "</title></head><body><p>"
                    + HtmlEscape.escapeHtml5Xml(error) + "</p><p>" + HtmlEscape.escapeHtml5Xml(String.valueOf(draft.model()))
                    + "</p></body></html>";
            status = FAILED;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        String finalStatus = status;
        String finalSubject = truncate(subject, 500);
        String finalHtml = html;
        String finalError = error;
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into letter (kind, partner_id, case_reference, department, "
                    + "recipient, recipient_name, subject, body_html, status, attempts, last_error, next_attempt_at, "
                    + "dedupe_key, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, draft.kind().name());
            ps.setObject(2, draft.partnerId());
            ps.setString(3, draft.caseReference());
            ps.setString(4, draft.department());
            ps.setString(5, draft.recipient() == null || draft.recipient().isBlank() ? null : draft.recipient().trim());
            ps.setString(6, truncate(draft.recipientName(), 300));
            ps.setString(7, finalSubject);
            ps.setString(8, finalHtml);
            ps.setString(9, finalStatus);
            ps.setString(10, finalError);
            ps.setObject(11, now);
            ps.setString(12, draft.dedupeKey());
            ps.setObject(13, now);
            ps.setString(14, actor.userId());
            return ps;
        }, keys);
        Long id = ((Number) keys.getKeys().get("id")).longValue();
        if (draft.attachments() != null) {
            for (Attachment a : draft.attachments()) {
                jdbc.update("insert into letter_attachment (letter_id, file_name, content_type, content) values (?, ?, ?, ?)",
                        id, a.fileName(), a.contentType(), a.content());
            }
        }
        log.info("Letter {} {} for {} written ({})", id, draft.kind(), draft.caseReference(), finalStatus);
        return Optional.of(id);
    }

    public boolean exists(String dedupeKey) {
        Integer n = jdbc.queryForObject("select count(*) from letter where dedupe_key = ?", Integer.class, dedupeKey);
        return n != null && n > 0;
    }

    public static String frenchDate(LocalDate date) {
        return date == null ? "" : FRENCH_DATE.format(date);
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
