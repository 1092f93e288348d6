package bj.gouv.masm.security;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditEvent;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.PageResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/events?from=&to=&page=&size=}: the audit trail of a period (administrators only).
 * Who did what on one convention is {@code conventions.ConventionAuditController}.
 */
@RestController
@RequestMapping("/api/audit")
@RequiredArgsConstructor
public class AuditController {

    static final int MAX_PAGE_SIZE = 500;

    private final AuditTrail events;
    private final AccessScope accessScope;
    private final Clock clock;

    public record EventView(Long id, OffsetDateTime occurredAt, String actor, String entityType, String entityId,
                            String action, String details) {
        static EventView of(AuditEvent e) {
            return new EventView(e.getId(), e.getOccurredAt(), e.getActor(), e.getEntityType(), e.getEntityId(),
                    e.getAction(), e.getDetails());
        }
    }

    /**
     * Audit events from {@code from} (included) to {@code to} (included when a date: the whole day), oldest
     * first, paged ({@code size} default 50, at most 500). Dates ({@code 2026-11-01}, Benin time) or
     * date-times with offset ({@code 2026-11-01T08:00:00+01:00}); 400 when missing, unreadable or reversed.
     */
    @GetMapping("/events")
    public PageResponse<EventView> events(@RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        accessScope.requireAnyGroup(Groups.ADMINS);
        OffsetDateTime start = bound(from, "from", false);
        OffsetDateTime end = bound(to, "to", true);
        if (!start.isBefore(end)) {
            throw ApiException.badRequest("Période invalide : « from » doit précéder « to »");
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("Pagination invalide : page ≥ 0, size de 1 à " + MAX_PAGE_SIZE);
        }
        return PageResponse.of(events.between(start, end, page, size), EventView::of);
    }

    private OffsetDateTime bound(String value, String name, boolean end) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("Paramètre « " + name + " » obligatoire (date AAAA-MM-JJ ou date-heure ISO 8601)");
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toOffsetDateTime();
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Paramètre « " + name + " » illisible : « " + value
                    + " » (date AAAA-MM-JJ ou date-heure ISO 8601)");
        }
    }
}
