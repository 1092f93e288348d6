package bj.gouv.masm.letters;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the outbox: a partner's letters, one letter, its attachments. */
@Service
@Transactional(readOnly = true)
@RequiredArgsConstructor
public class LetterQueries {

    private static final String COLUMNS = "id, kind, partner_id, case_reference, department, recipient, recipient_name, "
            + "subject, status, attempts, last_error, next_attempt_at, created_at, created_by, sent_at";

    private final JdbcTemplate jdbc;

    public record LetterRow(Long id, String kind, Long partnerId, String caseReference, String department,
                            String recipient, String recipientName, String subject, String status, int attempts,
                            String lastError, OffsetDateTime nextAttemptAt, OffsetDateTime createdAt, String createdBy,
                            OffsetDateTime sentAt) {
    }

    public record AttachmentRow(Long id, Long letterId, String fileName, String contentType, int size) {
    }

    private static final RowMapper<LetterRow> ROW = (rs, n) -> new LetterRow(rs.getLong("id"), rs.getString("kind"),
            (Long) rs.getObject("partner_id", Long.class), rs.getString("case_reference"), rs.getString("department"),
            rs.getString("recipient"), rs.getString("recipient_name"), rs.getString("subject"), rs.getString("status"),
            rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("next_attempt_at", OffsetDateTime.class),
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
            rs.getObject("sent_at", OffsetDateTime.class));

    public List<LetterRow> ofPartner(Long partnerId) {
        return jdbc.query("select " + COLUMNS + " from letter where partner_id = ? order by created_at desc, id desc",
                ROW, partnerId);
    }

    public List<LetterRow> withStatus(String status, int limit) {
        return jdbc.query("select " + COLUMNS + " from letter where status = ? order by id desc limit ?", ROW, status, limit);
    }

    public Optional<LetterRow> find(Long id) {
        return jdbc.query("select " + COLUMNS + " from letter where id = ?", ROW, id).stream().findFirst();
    }

    public String bodyHtml(Long id) {
        return jdbc.queryForObject("select body_html from letter where id = ?", String.class, id);
    }

    public List<AttachmentRow> attachments(Long letterId) {
        return jdbc.query("select id, letter_id, file_name, content_type, length(content) from letter_attachment "
                + "where letter_id = ? order by id", (rs, n) -> new AttachmentRow(rs.getLong(1), rs.getLong(2),
                rs.getString(3), rs.getString(4), rs.getInt(5)), letterId);
    }

    public Optional<byte[]> attachmentContent(Long letterId, Long attachmentId) {
        return jdbc.query("select content from letter_attachment where letter_id = ? and id = ?",
                (rs, n) -> rs.getBytes(1), letterId, attachmentId).stream().findFirst();
    }
}
