package bj.gouv.masm.conventions;

import java.time.LocalDate;

/**
 * Published (Spring application event, inside the transaction of the change) when DPAF extends a
 * convention, suspends it, lifts its suspension or terminates it, so other features can react
 * (e.g. the letters feature writes the partner's letter in the same transaction).
 *
 * @param newEndDate the new end date for {@link Change#EXTENDED}, else {@code null}
 */
public record ConventionTermsChangedEvent(Long conventionId, String conventionNumber, Long partnerId,
                                          Change change, LocalDate newEndDate, String reason) {

    public enum Change { EXTENDED, SUSPENDED, SUSPENSION_LIFTED, TERMINATED }
}
