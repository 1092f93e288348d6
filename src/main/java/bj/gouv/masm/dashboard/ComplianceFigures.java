package bj.gouv.masm.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Reporting compliance per department and quarter (reporting rate and rate on time), for the
 * dashboard. The figures come from the reporting feature (see compute()).
 */
@org.springframework.stereotype.Service
public class ComplianceFigures {

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

    public Compliance compliance(DashboardFilter filter) {
        return new Compliance(List.of(), new ArrayList<>(), new ArrayList<>(), false);
    }
}
