package bj.gouv.masm.dashboard;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reporting.ReportingReadQueries;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting compliance per department and quarter with the reporting feature's definition
 * (ComplianceService, GET /api/reporting/compliance): expected = reports opened for the quarter,
 * actual = reports received, on time = received before the deadline; rates are fractions of the
 * expected reports. Counted in one grouped query over quarterly_report (ReportingReadQueries) because the dashboard
 * needs department × quarter at once (ComplianceService answers one quarter at a time and loads every
 * partner of it: four calls cost most of the page's second with 700 partners); DashboardWebTests
 * checks both give the same figures. Quarters: the filter's period (one quarter or the four of a year),
 * else the last four quarters ended. Department and period filters apply; domain and kind do not.
 */
@Service
@RequiredArgsConstructor
public class ComplianceFigures {

    private final ReportingReadQueries reporting;
    private final ReferenceDataService reference;
    private final Clock clock;

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
        for (ReportingReadQueries.QuarterCounts c : reporting.quarterCounts(periods(quarters), filter.department())) {
            figures.put(c.department() + "|" + label(c.year(), c.quarter()),
                    new long[] {c.expected(), c.received(), c.onTime()});
        }
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
                        DashboardFilter.withParameter(scope.withDepartment(d.code()).link("/dashboard/reports"),
                                "quarter", quarter)));
            }
            totals.add(new Row(null, "Total", quarter, total[0], total[1], total[2],
                    DashboardFilter.withParameter(scope.link("/dashboard/reports"), "quarter", quarter)));
        }
        return new Compliance(labels, rows, totals, true);
    }

    /** The reports behind a compliance figure. */
    @Transactional(readOnly = true)
    public List<Report> reports(DashboardFilter filter, String quarter) {
        boolean one = quarter != null && quarter.matches("\\d{4}-Q[1-4]");
        return reporting.reports(one ? Integer.valueOf(quarter.substring(0, 4)) : null,
                        one ? Integer.valueOf(quarter.substring(6)) : null, one ? null : periods(quarters(filter)),
                        filter.department()).stream()
                .map(r -> new Report(r.businessKey(), r.conventionNumber(), r.partnerName(), r.department(),
                        label(r.year(), r.quarter()), r.status(), r.timeliness(), r.periodEnd()))
                .toList();
    }

    private static List<Integer> periods(List<int[]> quarters) {
        return quarters.stream().map(q -> q[0] * 10 + q[1]).toList();
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
