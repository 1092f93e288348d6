package bj.gouv.masm.conventions.process;

import java.time.Clock;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Due dates of ConventionLifecycle tasks counted from a date of the convention rather than from the task's
 * creation, e.g. {@code camunda:dueDate="${conventionDeadlines.after(midTermDue, 'P30D')}"}: 30 days after the
 * mid-term evaluation fell due, even if the task is created late. The ISO 8601 period is what an analyst edits.
 */
@Component("conventionDeadlines")
@RequiredArgsConstructor
public class ConventionDeadlines {

    private final Clock clock;

    /** {@code date} (a java.util.Date process variable) + {@code isoPeriod} (P30D, P1M...). */
    public Date after(Object date, String isoPeriod) {
        Period period;
        try {
            period = Period.parse(isoPeriod);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Durée ISO 8601 invalide : " + isoPeriod + " (ex. P30D)", e);
        }
        Date from = date instanceof Date d ? d : new Date(clock.millis());
        return Date.from(ZonedDateTime.ofInstant(from.toInstant(), clock.getZone()).plus(period).toInstant());
    }
}
