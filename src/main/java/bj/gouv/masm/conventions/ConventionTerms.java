package bj.gouv.masm.conventions;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The dates of a convention, from its signature date and duration (pure rules, unit tested):
 * <ul>
 *   <li>start = the signature date; end = start + duration months (the convention is in force up to the
 *       day before; it expires on the end date at 00:00);</li>
 *   <li>mid-term evaluation = start + half the duration: whole months, and an odd number of months adds
 *       half a month (15 days) — 12 months → +6 months, 7 months → +3 months 15 days;</li>
 *   <li>final evaluation = end − {@code finalEvaluationMonthsBeforeEnd} months (default 3), never before
 *       the mid-term date.</li>
 * </ul>
 * <b>In force</b> is decided here and nowhere else (README, "One rule, one place"): a convention is in force
 * on a day when it is ACTIVE (a suspended one is not) and the day is between its start date and the day
 * before its end date ({@link #isInForce}, and {@link #inForceOnSql} for SQL); it ran during a period when
 * its dates overlap the period that way ({@link #runsDuring}, {@link #runsDuringSql}) and its status is one
 * of {@link #HELD_STATUSES} (any but REVOKED: a revoked convention lost its accreditation).
 */
public record ConventionTerms(LocalDate startDate, LocalDate endDate, LocalDate midTermDate,
                              LocalDate finalEvaluationDate) {

    public static final int MIN_DURATION_MONTHS = 6;
    public static final int MAX_DURATION_MONTHS = 60;
    public static final int DEFAULT_FINAL_EVALUATION_MONTHS_BEFORE_END = 3;

    /** Statuses of a convention that counts for a past period its dates overlap (all but REVOKED). */
    public static final List<ConventionStatus> HELD_STATUSES = Arrays.stream(ConventionStatus.values())
            .filter(s -> s != ConventionStatus.REVOKED).toList();

    /** In force on {@code day}: ACTIVE, from the start date up to the day before the end date. */
    public static boolean isInForce(ConventionStatus status, LocalDate start, LocalDate end, LocalDate day) {
        return status == ConventionStatus.ACTIVE && runsDuring(start, end, day, day);
    }

    /** The dates of a convention overlap {@code [from, to]}: started by {@code to}, not yet ended on {@code from}. */
    public static boolean runsDuring(LocalDate start, LocalDate end, LocalDate from, LocalDate to) {
        return !start.isAfter(to) && end.isAfter(from);
    }

    /**
     * {@link #isInForce} in SQL, for the convention table under {@code alias}; {@code day} is a bind parameter
     * ({@code ?}, {@code :day}) or an SQL date expression, used twice (bind it twice when it is {@code ?}).
     */
    public static String inForceOnSql(String alias, String day) {
        return "(" + alias + ".status = '" + ConventionStatus.ACTIVE.name() + "' and " + runsDuringSql(alias, day, day) + ")";
    }

    /** {@link #runsDuring} in SQL: binds {@code to}, then {@code from}. */
    public static String runsDuringSql(String alias, String from, String to) {
        return alias + ".start_date <= " + to + " and " + alias + ".end_date > " + from;
    }

    /** {@link #HELD_STATUSES} in SQL: {@code alias.status in (...)}. */
    public static String heldSql(String alias) {
        return alias + ".status in (" + HELD_STATUSES.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", ")) + ")";
    }

    public static ConventionTerms of(LocalDate signedOn, int durationMonths, int finalEvaluationMonthsBeforeEnd) {
        if (durationMonths < MIN_DURATION_MONTHS || durationMonths > MAX_DURATION_MONTHS) {
            throw new IllegalArgumentException("duration out of range: " + durationMonths);
        }
        LocalDate start = signedOn;
        LocalDate end = start.plusMonths(durationMonths);
        LocalDate midTerm = start.plusMonths(durationMonths / 2);
        if (durationMonths % 2 == 1) {
            midTerm = midTerm.plusDays(15);
        }
        LocalDate finalEvaluation = end.minusMonths(Math.max(0, finalEvaluationMonthsBeforeEnd));
        if (finalEvaluation.isBefore(midTerm)) {
            finalEvaluation = midTerm;
        }
        return new ConventionTerms(start, end, midTerm, finalEvaluation);
    }
}
