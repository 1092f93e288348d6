package bj.gouv.masm.coordination;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: a year of coordination meetings, so the dashboard's coordination panel shows something
 * on first start. Into an empty coordination_meeting table: the meetings of last year's and this year's
 * ended periods as history (held or not, roughly as the 2023 diagnosis found: the GTGPS meets, its
 * sub-groups half the time, most other bodies not), then the current periods opened through the
 * calendar's process (planning tasks for DPAF and the Cabinet).
 */
@Component
@ConditionalOnProperty(name = "masm.demo.data-enabled", havingValue = "true")
@RequiredArgsConstructor
public class DemoCoordinationLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoCoordinationLoader.class);
    /** Per body, which ordinary meetings of a year were held (index of the period in the year). */
    private static final Map<String, boolean[]> HELD = Map.of(
            "GTGPS_PLENARY", new boolean[] {true, true, true, true},
            "GTGPS_GENDER", new boolean[] {true, false, true, false},
            "GTGPS_SOCIAL_PROTECTION", new boolean[] {false, true, false, false},
            "MIXED_GT_MINISTRY", new boolean[] {false, false, true, false},
            "MINISTER_LEAD_PTF", new boolean[] {true, false},
            "NATIONAL_REVIEW", new boolean[] {true},
            "JOINT_COMMISSION", new boolean[] {false});

    private final CoordinationService coordination;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    @Order(60)
    public void load() {
        Integer existing = jdbc.queryForObject("select count(*) from coordination_meeting", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        List<Long> partners = jdbc.queryForList("select distinct partner_id from convention where status = 'ACTIVE' "
                + "order by partner_id", Long.class).stream().limit(12).toList();
        int history = 0;
        for (CoordinationService.Body body : coordination.bodies()) {
            boolean[] held = HELD.getOrDefault(body.code(), new boolean[body.meetingsPerYear()]);
            for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
                for (int index = 0; index < body.meetingsPerYear(); index++) {
                    LocalDate start = LocalDate.of(year, 1 + index * 12 / body.meetingsPerYear(), 1);
                    CoordinationService.MeetingPeriod period = CoordinationService.MeetingPeriod.of(body.frequency(), start);
                    if (!period.end().isBefore(today)) {
                        continue; // current and future periods go through the process
                    }
                    boolean wasHeld = held[index % held.length];
                    insert(body, period, year, wasHeld, partners);
                    history++;
                }
            }
        }
        int opened = coordination.openPeriodsContaining(today).opened().size();
        log.info("Demo coordination: {} past meetings recorded, {} meetings of the current periods opened", history, opened);
    }

    private void insert(CoordinationService.Body body, CoordinationService.MeetingPeriod period, int year, boolean held,
                        List<Long> partners) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate heldOn = period.start().plusDays(20);
        String key = body.code() + "_" + period.key();
        jdbc.update("insert into coordination_meeting (body_code, business_key, period_key, meeting_year, period_start, "
                        + "period_end, extraordinary, status, planned_on, venue, held_on, minutes, participants_count, on_schedule, "
                        + "created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "'demo', ?, 'demo')", body.code(), key, period.key(), year, Date.valueOf(period.start()),
                Date.valueOf(period.end()), held ? "HELD" : "NOT_HELD", held ? Date.valueOf(heldOn) : null,
                held ? "Salle de conférence du MASM, Cotonou" : null, held ? Date.valueOf(heldOn) : null,
                held ? "Point des recommandations précédentes ; programmation de la période (démo)" : null,
                held ? 18 + period.key().length() : null, held, now, now);
        if (held) {
            Long id = jdbc.queryForObject("select id from coordination_meeting where business_key = ?", Long.class, key);
            for (int i = 0; i < partners.size(); i += 2) {
                jdbc.update("insert into coordination_attendance (meeting_id, partner_id) values (?, ?)", id, partners.get(i));
            }
        }
    }
}
