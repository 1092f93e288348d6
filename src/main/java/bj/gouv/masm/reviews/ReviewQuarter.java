package bj.gouv.masm.reviews;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One quarter of a half-year report ({@code 2026-Q2}): quarterly reports expected, received, missed and
 * still awaited (a report still open, or one that will be asked for a quarter not yet opened).
 */
public record ReviewQuarter(String quarter, int expected, int received, int missed, int awaited) {

    ReviewQuarter plus(ReviewQuarter other) {
        return new ReviewQuarter(quarter, expected + other.expected, received + other.received, missed + other.missed,
                awaited + other.awaited);
    }

    /** Sums the quarters of several departmental reports. */
    static List<ReviewQuarter> sum(List<List<ReviewQuarter>> reports) {
        Map<String, ReviewQuarter> sums = new TreeMap<>();
        for (List<ReviewQuarter> quarters : reports) {
            for (ReviewQuarter q : quarters) {
                sums.merge(q.quarter(), q, ReviewQuarter::plus);
            }
        }
        return List.copyOf(sums.values());
    }

    /** "2026-Q2" → "T2 2026". */
    public String label() {
        return "T" + quarter.substring(quarter.length() - 1) + " " + quarter.substring(0, 4);
    }
}
