package bj.gouv.masm.coordination;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The framework's indicator (§3.1.3: 1 of 11 bodies met, 9.09 %): per body and year, the ordinary meetings
 * expected (periods of the year started by today: the whole year once it is over), the meetings held
 * (extraordinary sessions included), and whether the body met on schedule (as many ordinary meetings held
 * within their period as expected); {@code rate} = bodies on schedule / bodies (fraction 0..1, 4 decimals).
 */
@Service
@RequiredArgsConstructor
public class CoordinationKpi {

    private final JdbcTemplate jdbc;
    private final CoordinationService coordination;
    private final Clock clock;

    public record BodyFigure(String body, String label, int expected, int held, int heldOnSchedule,
                             int extraordinaryHeld, boolean onSchedule) {
    }

    public record Kpi(int year, List<BodyFigure> bodies, int bodiesOnSchedule, double rate) {
    }

    @Transactional(readOnly = true)
    public Kpi kpi(int year) {
        LocalDate today = LocalDate.now(clock);
        List<BodyFigure> figures = new ArrayList<>();
        int onSchedule = 0;
        for (CoordinationService.Body body : coordination.bodies()) {
            int expected = expectedBy(body.frequency(), year, today);
            Map<String, Object> counts = jdbc.queryForMap("""
                    select count(case when status = 'HELD' then 1 end) as held,
                           count(case when status = 'HELD' and on_schedule = true and extraordinary = false then 1 end) as on_time,
                           count(case when status = 'HELD' and extraordinary = true then 1 end) as extraordinary
                    from coordination_meeting where body_code = ? and meeting_year = ?""", body.code(), year);
            int held = number(counts, "held");
            int heldOnSchedule = number(counts, "on_time");
            boolean met = expected > 0 && heldOnSchedule >= expected;
            onSchedule += met ? 1 : 0;
            figures.add(new BodyFigure(body.code(), body.label(), expected, held, heldOnSchedule,
                    number(counts, "extraordinary"), met));
        }
        double rate = figures.isEmpty() ? 0 : BigDecimal.valueOf(onSchedule)
                .divide(BigDecimal.valueOf(figures.size()), 4, RoundingMode.HALF_UP).doubleValue();
        return new Kpi(year, figures, onSchedule, rate);
    }

    /** Ordinary meetings expected in the year, counting only the periods started by {@code today}. */
    static int expectedBy(String frequency, int year, LocalDate today) {
        int perYear = CoordinationService.meetingsPerYear(frequency);
        if (year < today.getYear()) {
            return perYear;
        }
        if (year > today.getYear()) {
            return 0;
        }
        int monthsPerPeriod = 12 / perYear;
        return (today.getMonthValue() - 1) / monthsPerPeriod + 1;
    }

    private static int number(Map<String, Object> row, String key) {
        Object value = row.get(key);
        if (value == null) {
            value = row.get(key.toUpperCase(java.util.Locale.ROOT));
        }
        return value == null ? 0 : ((Number) value).intValue();
    }
}
