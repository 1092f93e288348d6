package bj.gouv.masm.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The calendar's periods and the meetings expected so far in a year (plain unit tests). */
class CoordinationPeriodsTests {

    @Test
    void shouldGiveThePeriodContainingADayForEachFrequency() {
        CoordinationService.MeetingPeriod q = CoordinationService.MeetingPeriod.of("QUARTERLY", LocalDate.of(2026, 8, 14));
        assertThat(q.key()).isEqualTo("2026-Q3");
        assertThat(q.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        CoordinationService.MeetingPeriod s = CoordinationService.MeetingPeriod.of("HALF_YEARLY", LocalDate.of(2026, 6, 30));
        assertThat(s.key()).isEqualTo("2026-S1");
        assertThat(s.end()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(CoordinationService.MeetingPeriod.of("HALF_YEARLY", LocalDate.of(2026, 7, 1)).key()).isEqualTo("2026-S2");
        CoordinationService.MeetingPeriod y = CoordinationService.MeetingPeriod.of("YEARLY", LocalDate.of(2026, 2, 1));
        assertThat(y.key()).isEqualTo("2026");
        assertThat(y.end()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void shouldExpectOnlyThePeriodsStartedInTheCurrentYear() {
        LocalDate today = LocalDate.of(2026, 5, 10);
        assertThat(CoordinationKpi.expectedBy("QUARTERLY", 2026, today)).isEqualTo(2);
        assertThat(CoordinationKpi.expectedBy("HALF_YEARLY", 2026, today)).isEqualTo(1);
        assertThat(CoordinationKpi.expectedBy("YEARLY", 2026, today)).isEqualTo(1);
        assertThat(CoordinationKpi.expectedBy("QUARTERLY", 2025, today)).isEqualTo(4);
        assertThat(CoordinationKpi.expectedBy("HALF_YEARLY", 2025, today)).isEqualTo(2);
        assertThat(CoordinationKpi.expectedBy("QUARTERLY", 2027, today)).isZero();
        assertThat(CoordinationKpi.expectedBy("QUARTERLY", 2026, LocalDate.of(2026, 12, 31))).isEqualTo(4);
    }
}
