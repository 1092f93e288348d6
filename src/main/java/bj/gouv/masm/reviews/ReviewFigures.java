package bj.gouv.masm.reviews;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a departmental or national half-year report: conventions, reports expected /
 * received / on time, activities, beneficiaries and budget (with breakdown lines), sanctions.
 */
public record ReviewFigures(int activeConventions, int partnersWithConvention, int reportsExpected,
                            int reportsReceived, int reportsOnTime, int reportsLate, int reportsMissed,
                            int activities, long beneficiaries, long budgetSpentXof, int warnings,
                            int revocationsProposed, int revocationsConfirmed, boolean reportingDataAvailable,
                            List<Line> lines) {

    public static final String DOMAIN = "DOMAIN";
    public static final String TARGET_GROUP = "TARGET_GROUP";
    public static final String DEPARTMENT = "DEPARTMENT";

    /** One breakdown line: activities, beneficiaries and budget for one domain / target group / department. */
    public record Line(String dimension, String code, int activities, long beneficiaries, long budgetXof) {
        Line plus(Line other) {
            return new Line(dimension, code, activities + other.activities, beneficiaries + other.beneficiaries,
                    budgetXof + other.budgetXof);
        }
    }

    public List<Line> lines(String dimension) {
        return lines.stream().filter(l -> l.dimension().equals(dimension)).toList();
    }

    public Line line(String dimension, String code) {
        return lines.stream().filter(l -> l.dimension().equals(dimension) && l.code().equals(code)).findFirst()
                .orElse(new Line(dimension, code, 0, 0, 0));
    }

    /** The same figures with national distinct convention and partner counts. */
    public ReviewFigures withConventions(int conventions, int partners) {
        return new ReviewFigures(conventions, partners, reportsExpected, reportsReceived, reportsOnTime, reportsLate,
                reportsMissed, activities, beneficiaries, budgetSpentXof, warnings, revocationsProposed,
                revocationsConfirmed, reportingDataAvailable, lines);
    }

    /** Reports received / expected, 0..1 (0 when nothing was expected). */
    public double reportingRate() {
        return reportsExpected == 0 ? 0 : (double) reportsReceived / reportsExpected;
    }

    public double reportingRateOnTime() {
        return reportsExpected == 0 ? 0 : (double) reportsOnTime / reportsExpected;
    }

    /** Sums departmental figures into national ones, with one DEPARTMENT line per department. */
    public static ReviewFigures merge(Map<String, ReviewFigures> byDepartment) {
        int conventions = 0, partners = 0, expected = 0, received = 0, onTime = 0, late = 0, missed = 0,
                activities = 0, warnings = 0, proposed = 0, confirmed = 0;
        long beneficiaries = 0, budget = 0;
        boolean available = !byDepartment.isEmpty();
        Map<String, Line> merged = new TreeMap<>();
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<String, ReviewFigures> entry : new TreeMap<>(byDepartment).entrySet()) {
            ReviewFigures f = entry.getValue();
            conventions += f.activeConventions;
            partners += f.partnersWithConvention;
            expected += f.reportsExpected;
            received += f.reportsReceived;
            onTime += f.reportsOnTime;
            late += f.reportsLate;
            missed += f.reportsMissed;
            activities += f.activities;
            beneficiaries += f.beneficiaries;
            budget += f.budgetSpentXof;
            warnings += f.warnings;
            proposed += f.revocationsProposed;
            confirmed += f.revocationsConfirmed;
            available &= f.reportingDataAvailable;
            lines.add(new Line(DEPARTMENT, entry.getKey(), f.activities, f.beneficiaries, f.budgetSpentXof));
            for (Line line : f.lines) {
                merged.merge(line.dimension() + "|" + line.code(), line, Line::plus);
            }
        }
        lines.addAll(merged.values());
        return new ReviewFigures(conventions, partners, expected, received, onTime, late, missed, activities,
                beneficiaries, budget, warnings, proposed, confirmed, available, lines);
    }
}
