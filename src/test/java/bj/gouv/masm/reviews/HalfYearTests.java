package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.shared.ApiException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plain rules: half-year keys and periods, and the national merge of departmental figures. */
class HalfYearTests {

    @Test
    void shouldParseKeysAndComputePeriods() {
        HalfYear s1 = HalfYear.parse("2026-S1");
        assertThat(s1.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(s1.end()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(s1.firstQuarter()).isEqualTo(1);
        assertThat(s1.lastQuarter()).isEqualTo(2);
        HalfYear s2 = HalfYear.parse("2026-S2");
        assertThat(s2.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(s2.lastQuarter()).isEqualTo(4);
        assertThat(s2.reviewMonthClosesAt(bj.gouv.masm.shared.MasmTimeZone.zone()).toLocalDateTime())
                .isEqualTo(LocalDate.of(2027, 1, 1).atStartOfDay());
        assertThat(s2.previous()).isEqualTo(s1);
        assertThat(s2.next()).isEqualTo(HalfYear.parse("2027-S1"));
        assertThat(s1.compareTo(s2)).isNegative();
        assertThat(HalfYear.containing(LocalDate.of(2026, 6, 1))).isEqualTo(s1);
        assertThat(HalfYear.containing(LocalDate.of(2026, 12, 1))).isEqualTo(s2);
        assertThat(s2.toString()).isEqualTo("2026-S2");
    }

    @Test
    void shouldDeriveQuarterlyKeysAndPeriodsFromTheModelsCadence() {
        HalfYear q3 = HalfYear.parse("2026-Q3");
        assertThat(q3.cadence()).isEqualTo(ReviewCadence.QUARTERLY);
        assertThat(q3.start()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(q3.firstQuarter()).isEqualTo(3);
        assertThat(q3.lastQuarter()).isEqualTo(3);
        assertThat(q3.semester()).isEqualTo(2);
        assertThat(q3.label()).isEqualTo("3e trimestre 2026");
        assertThat(q3.previous()).hasToString("2026-Q2");
        assertThat(HalfYear.parse("2026-Q4").next()).hasToString("2027-Q1");
        assertThat(HalfYear.parse("2026-Q1").previous()).hasToString("2025-Q4");
        assertThat(HalfYear.containing(LocalDate.of(2026, 9, 1), ReviewCadence.QUARTERLY)).isEqualTo(q3);
        assertThat(HalfYear.containing(LocalDate.of(2026, 9, 1), ReviewCadence.HALF_YEARLY)).hasToString("2026-S2");
        assertThat(ReviewCadence.parse("trimestriel")).isEqualTo(ReviewCadence.QUARTERLY);
        assertThat(ReviewCadence.parse("Semestriel")).isEqualTo(ReviewCadence.HALF_YEARLY);
        assertThat(ReviewCadence.parse(null)).isEqualTo(ReviewCadence.HALF_YEARLY);
        assertThat(HalfYear.isKey("2026-Q4")).isTrue();
        assertThat(HalfYear.isKey("2026-S3")).isFalse();
        assertThatThrownBy(() -> HalfYear.parse("2026-Q5")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ReviewCadence.parse("mensuel")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUARTERLY");
    }

    @Test
    void shouldRefuseMalformedKeys() {
        for (String bad : new String[] {"2026-S3", "2026-S0", "26-S1", "2026S1", "abc", "", "2026-s1", "1999-S1"}) {
            assertThatThrownBy(() -> HalfYear.parse(bad)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageContaining("Semestre invalide");
        }
        assertThatThrownBy(() -> HalfYear.parse(null)).isInstanceOf(ApiException.class);
    }

    @Test
    void shouldMergeDepartmentalFiguresIntoNationalOnes() {
        ReviewFigures borgou = new ReviewFigures(3, 2, 5, 4, 3, 1, 1, 2, 100, 1_000, 1, 0, 0, true, java.util.List.of(
                new ReviewFigures.Line("DOMAIN", "CHILD_PROTECTION", 2, 100, 1_000)));
        ReviewFigures zou = new ReviewFigures(1, 1, 2, 1, 1, 0, 1, 1, 50, 500, 0, 1, 1, true, java.util.List.of(
                new ReviewFigures.Line("DOMAIN", "CHILD_PROTECTION", 1, 50, 500)));
        ReviewFigures national = ReviewFigures.merge(Map.of("ZOU", zou, "BORGOU", borgou));
        assertThat(national.activeConventions()).isEqualTo(4);
        assertThat(national.reportsExpected()).isEqualTo(7);
        assertThat(national.reportsMissed()).isEqualTo(2);
        assertThat(national.beneficiaries()).isEqualTo(150);
        assertThat(national.revocationsConfirmed()).isEqualTo(1);
        assertThat(national.line("DOMAIN", "CHILD_PROTECTION")).isEqualTo(
                new ReviewFigures.Line("DOMAIN", "CHILD_PROTECTION", 3, 150, 1_500));
        assertThat(national.lines("DEPARTMENT")).extracting(ReviewFigures.Line::code).containsExactly("BORGOU", "ZOU");
        assertThat(national.reportingRate()).isEqualTo(5.0 / 7);
        assertThat(ReviewFigures.merge(Map.of()).reportingDataAvailable()).isFalse();
    }
}
