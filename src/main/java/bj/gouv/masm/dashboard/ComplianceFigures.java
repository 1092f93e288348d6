package bj.gouv.masm.dashboard;

import bj.gouv.masm.reporting.ComplianceService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting compliance per department and quarter, from the reporting feature's ComplianceService
 * (the figures of GET /api/reporting/compliance): expected = reports opened for the quarter, actual =
 * reports received, on time = received before the deadline; rates are fractions of the expected
 * reports. Quarters: the filter's period (one quarter or the four of a year), else the last four
 * quarters ended. Department and period filters apply; domain and kind do not.
 */
@Service
public class ComplianceFigures {

    private final NamedParameterJdbcTemplate jdbc;
    private final ComplianceService service;
    private final Clock clock;

    public ComplianceFigures(NamedParameterJdbcTemplate jdbc, ComplianceService service, Clock clock) {
        this.jdbc = jdbc;
        this.service = service;
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
        // compliance follows department and period only (the reporting feature's definition); the
        // lists behind its figures use the same two filters
        DashboardFilter scope = new DashboardFilter(filter.department(), null, null, null, null, null, null,
                filter.period());
        List<Row> rows = new ArrayList<>();
        List<Row> totals = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int[] q : quarters(filter)) {
            String quarter = label(q[0], q[1]);
            labels.add(quarter);
            ComplianceService.ComplianceReport report = service.compliance(q[0], q[1], filter.department());
            for (ComplianceService.DepartmentCompliance d : report.departments()) {
                if (d.expectedReports() == 0) {
                    continue;
                }
                rows.add(new Row(d.department(), d.label(), quarter, d.expectedReports(), d.actualReports(),
                        d.reportsOnTime(), scope.withDepartment(d.department()).link("/dashboard/reports")
                        + "&quarter=" + quarter));
            }
            String totalLink = scope.link("/dashboard/reports");
            ComplianceService.Figures total = report.total();
            totals.add(new Row(null, "Total", quarter, total.expectedReports(), total.actualReports(),
                    total.reportsOnTime(), totalLink + (totalLink.contains("?") ? "&" : "?") + "quarter=" + quarter));
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
