package bj.gouv.masm.reporting;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail log (table reporting_notification): every message the Ministry owes a partner is recorded
 * with recipient, subject and French body; the CPS/DPAF delivers it (mail, phone, letter).
 */
@Service
@RequiredArgsConstructor
public class ReportingNotifications {

    public static final String WARNING = "REPORTING_WARNING";
    public static final String REGULARISATION_INVITATION = "REGULARISATION_INVITATION";

    private final JdbcTemplate jdbc;
    private final PartnerRepository partners;
    private final CurrentActor currentActor;
    private final Clock clock;
    private ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    public record Notification(Long id, Long partnerId, String kind, String recipient, String recipientName,
                               String subject, String body, String relatedKey, OffsetDateTime createdAt,
                               String createdBy) {
    }

    @Transactional
    public void notifyPartner(Long partnerId, String kind, String subject, String body, String relatedKey) {
        Partner partner = partners.findById(partnerId).orElseThrow();
        String recipient = partner.getEmail() != null && !partner.getEmail().isBlank() ? partner.getEmail() : partner.getPhone();
        String name = partner.getContactName() != null ? partner.getContactName() : partner.getName();
        jdbc.update("insert into reporting_notification (partner_id, kind, recipient, recipient_name, subject, body, "
                        + "related_key, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                partnerId, kind, recipient, name, subject, body, relatedKey, OffsetDateTime.now(clock), currentActor.userId());
        if (events != null) {
            events.publishEvent(new PartnerNotifiedEvent(partnerId, kind, relatedKey));
        }
    }

    public List<Notification> ofPartner(Long partnerId) {
        return jdbc.query("select id, partner_id, kind, recipient, recipient_name, subject, body, related_key, created_at, "
                        + "created_by from reporting_notification where partner_id = ? order by id", (rs, n) -> new Notification(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class), rs.getString(10)),
                partnerId);
    }
}
