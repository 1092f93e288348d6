package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionService;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The reporting record decides the "good standing" input of RenewalDecision. */
class ReportingStandingTests extends ReportingTestSupport {

    @Autowired
    ReportingStandingFromReports standing;

    @Autowired
    ConventionService conventionService;

    @Test
    void shouldBeInGoodStandingWithoutAnySettledReport() {
        Convention convention = activeOscConvention(2051);

        assertThat(standing.isInGoodStanding(convention.getPartnerId())).isTrue();
        assertThat(conventionService.isInGoodStanding(convention.getPartnerId())).isTrue();
    }

    @Test
    void shouldLoseGoodStandingAfterAMissedQuarter() {
        Convention convention = activeOscConvention(2052);
        Quarter q1 = new Quarter(2052, 1);
        openQuarter(q1);
        setClock(LocalDateTime.of(2052, 5, 15, 9, 0));
        fireDeadline(key(convention, q1));

        assertThat(report(key(convention, q1)).getStatus()).isEqualTo(ReportStatus.MISSED);
        assertThat(standing.isInGoodStanding(convention.getPartnerId())).isFalse();
        assertThat(conventionService.isInGoodStanding(convention.getPartnerId()))
                .as("the lifecycle uses the reporting record, not the default").isFalse();
    }
}
