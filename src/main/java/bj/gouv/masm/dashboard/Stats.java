package bj.gouv.masm.dashboard;

import java.util.List;

/** Average and percentile (nearest-rank method: the smallest value with at least p% of values at or below it). */
public final class Stats {

    private Stats() {
    }

    public static double average(List<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).average().orElse(Double.NaN);
    }

    public static double percentile(List<? extends Number> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
