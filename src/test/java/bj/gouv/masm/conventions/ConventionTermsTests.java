package bj.gouv.masm.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ConventionTermsTests {

    @Test
    void shouldPlaceMidTermAtHalfAndFinalEvaluationThreeMonthsBeforeTheEnd() {
        ConventionTerms terms = ConventionTerms.of(LocalDate.of(2026, 1, 31), 12, 3);

        assertThat(terms.startDate()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(terms.endDate()).isEqualTo(LocalDate.of(2027, 1, 31));
        assertThat(terms.midTermDate()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(terms.finalEvaluationDate()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void shouldAddHalfAMonthForAnOddDuration() {
        ConventionTerms terms = ConventionTerms.of(LocalDate.of(2026, 3, 1), 7, 3);

        assertThat(terms.midTermDate()).isEqualTo(LocalDate.of(2026, 6, 16));
        assertThat(terms.finalEvaluationDate()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(terms.endDate()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void shouldNeverPlaceTheFinalEvaluationBeforeTheMidTerm() {
        ConventionTerms shortest = ConventionTerms.of(LocalDate.of(2026, 3, 1), 6, 3);
        ConventionTerms early = ConventionTerms.of(LocalDate.of(2026, 3, 1), 12, 9);

        assertThat(shortest.finalEvaluationDate()).isEqualTo(shortest.midTermDate()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(early.finalEvaluationDate()).isEqualTo(early.midTermDate());
    }

    @Test
    void shouldRefuseADurationOutOfRange() {
        assertThatThrownBy(() -> ConventionTerms.of(LocalDate.of(2026, 3, 1), 5, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConventionTerms.of(LocalDate.of(2026, 3, 1), 61, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
