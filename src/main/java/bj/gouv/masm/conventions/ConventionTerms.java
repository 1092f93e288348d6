package bj.gouv.masm.conventions;

import java.time.LocalDate;

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
 */
public record ConventionTerms(LocalDate startDate, LocalDate endDate, LocalDate midTermDate,
                              LocalDate finalEvaluationDate) {

    public static final int MIN_DURATION_MONTHS = 6;
    public static final int MAX_DURATION_MONTHS = 60;
    public static final int DEFAULT_FINAL_EVALUATION_MONTHS_BEFORE_END = 3;

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
