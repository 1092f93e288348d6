package bj.gouv.masm.dashboard;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting compliance per department and quarter with the reporting feature's definition
 * (ComplianceService, GET /api/reporting/compliance): expected = reports opened for the quarter,
 * actual = reports received, on time = received before the deadline; rates are fractions of the
 * expected reports. Computed here in one grouped query over quarterly_report because the dashboard
 * needs department × quarter at once (ComplianceService answers one quarter at a time and loads every
 * partner of it: four calls cost most of the page's second with 700 partners); DashboardWebTests
 * checks both give the same figures. Quarters: the filter's period (one quarter or the four of a year),
 * else the last four quarters ended. Department and period filters apply; domain and kind do not.
 */
@Service
public class ComplianceFigures {

    private final NamedParameterJdbcTemplate jdbc;
    private final ReferenceDataService reference;
    private final Clock clock;

    public ComplianceFigures(NamedParameterJdbcTemplate jdbc, ReferenceDataService reference, Clock clock) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.clock = clock;
    }

    public record Row(String department, String departmentLabel, String quarter, long expected, long actual,
                      long onTime, String link) {
        public double rate() {
            return expected == 0 ? 0 : (double) actual / expected;
        }

        public double onTimeRate() {
            return expected == 0 ? 0 : (double) onTime / expected;
        }
    }

    public record Compliance(List<String> quarters, List<Row> rows, List<Row> totals, boolean available) {
    }

    public record Report(String businessKey, String conventionNumber, String partnerName, String department,
                         String quarter, String status, String timeliness, LocalDate periodEnd) {
    }

    @Transactional(readOnly = true)
    public Compliance compliance(DashboardFilter filter) {
        // compliance follows department and period only; the lists behind its figures use the same two
        DashboardFilter scope = new DashboardFilter(filter.department(), null, null, null, null, null, null,
                filter.period());
        List<int[]> quarters = quarters(filter);
        Map<String, long[]> figures = new HashMap<>();
        StringBuilder sql = new StringBuilder("""
                select q.department, q.report_year, q.report_quarter, count(*),
                       sum(case when q.status = 'RECEIVED' then 1 else 0 end),
                       sum(case when q.timeliness = 'ON_TIME' then 1 else 0 end)
                from quarterly_report q where q.report_year * 10 + q.report_quarter in (:periods)""");
        MapSqlParameterSource params = new MapSqlParameterSource("periods",
                quarters.stream().map(q -> q[0] * 10 + q[1]).toList());
        if (filter.department() != null) {
            sql.append(" and q.department = :department");
            params.addValue("department", filter.department());
        }
        sql.append(" group by q.department, q.report_year, q.report_quarter");
        jdbc.query(sql.toString(), params, rs -> {
            figures.put(rs.getString(1) + "|" + label(rs.getInt(2), rs.getInt(3)),
                    new long[] {rs.getLong(4), rs.getLong(5), rs.getLong(6)});
        });
        List<Row> rows = new ArrayList<>();
        List<Row> totals = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int[] q : quarters) {
            String quarter = label(q[0], q[1]);
            labels.add(quarter);
            long[] total = new long[3];
            for (ReferenceItem d : reference.list(ReferenceCategory.DEPARTMENT)) {
                long[] f = figures.get(d.code() + "|" + quarter);
                if (f == null) {
                    continue;
                }
                for (int i = 0; i < 3; i++) {
                    total[i] += f[i];
                }
                rows.add(new Row(d.code(), d.label(), quarter, f[0], f[1], f[2],
                        scope.withDepartment(d.code()).link("/dashboard/reports") + "&quarter=" + quarter));
            }
            String totalLink = scope.link("/dashboard/reports");
            totals.add(new Row(null, "Total", quarter, total[0], total[1], total[2],
                    totalLink + (totalLink.contains("?") ? "&" : "?") + "quarter=" + quarter));
        }
        return new Compliance(labels, rows, totals, true);
    }

    /** The reports behind a compliance figure. */
    @Transactional(readOnly = true)
    public List<Report> reports(DashboardFilter filter, String quarter) {
        StringBuilder sql = new StringBuilder("""
                select q.business_key, q.convention_number, p.name, q.department, q.report_year, q.report_quarter,
                       q.status, q.timeliness, q.period_end
                from quarterly_report q join partner p on p.id = q.partner_id where 1 = 1""");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (quarter != null && quarter.matches("\\d{4}-Q[1-4]")) {
            sql.append(" and q.report_year = :year and q.report_quarter = :quarter");
            params.addValue("year", Integer.parseInt(quarter.substring(0, 4)))
                    .addValue("quarter", Integer.parseInt(quarter.substring(6)));
        } else {
            sql.append(" and q.report_year * 10 + q.report_quarter in (:periods)");
            params.addValue("periods", quarters(filter).stream().map(q -> q[0] * 10 + q[1]).toList());
        }
        if (filter.department() != null) {
            sql.append(" and q.department = :department");
            params.addValue("department", filter.department());
        }
        sql.append(" order by q.report_year, q.report_quarter, q.department, q.convention_number");
        return jdbc.query(sql.toString(), params, (rs, i) -> new Report(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), label(rs.getInt(5), rs.getInt(6)), rs.getString(7),
                rs.getString(8), rs.getObject(9, LocalDate.class)));
    }

    /** {year, quarter} pairs of the filter's period, else the last four quarters ended. */
    List<int[]> quarters(DashboardFilter filter) {
        List<int[]> quarters = new ArrayList<>();
        if (filter.period() != null) {
            LocalDate start = filter.periodStart();
            LocalDate end = filter.periodEnd();
            for (LocalDate d = start; !d.isAfter(end); d = d.plusMonths(3)) {
                quarters.add(new int[] {d.getYear(), (d.getMonthValue() - 1) / 3 + 1});
            }
            return quarters;
        }
        LocalDate today = LocalDate.now(clock);
        int year = today.getYear();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        for (int i = 0; i < 4; i++) {
            quarter--;
            if (quarter == 0) {
                quarter = 4;
                year--;
            }
            quarters.add(0, new int[] {year, quarter});
        }
        return quarters;
    }

    static String label(int year, int quarter) {
        return year + "-Q" + quarter;
    }
}
