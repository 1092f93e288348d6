package bj.gouv.masm.reporting.process;

import bj.gouv.masm.reporting.Quarter;
import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Dates for BPMN expressions, so analysts keep the durations in the model:
 * {@code ${reportingPeriods.afterQuarterEnd(quarter, 'P30D')}} is the end of the 30th day after the
 * quarter's last day (midnight, Benin time).
 */
@Component("reportingPeriods")
@RequiredArgsConstructor
public class ReportingPeriods {

    private final ZoneId zone;

    public Date afterQuarterEnd(String quarter, String isoDuration) {
        ZonedDateTime base = Quarter.parse(quarter).end().plusDays(1).atStartOfDay(zone);
        return Date.from(plus(base, isoDuration).toInstant());
    }

    static ZonedDateTime plus(ZonedDateTime base, String isoDuration) {
        String text = isoDuration.trim();
        try {
            if (text.contains("T")) {
                return base.plus(Duration.parse(text));
            }
            return base.plus(Period.parse(text));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Durée ISO-8601 invalide dans le modèle : " + isoDuration, e);
        }
    }
}
