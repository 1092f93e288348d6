package bj.gouv.masm.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of the DMN decision RenewalDecision, as deployed. */
class RenewalDecisionTests extends IntegrationTestBase {

    @ParameterizedTest(name = "requested={0}, good standing={1}, rating={2} → renewal={3}")
    @CsvSource({
            "false, true,  ACHIEVED,           false",
            "false, false, NOT_ACHIEVED,       false",
            "true,  false, ACHIEVED,           false",
            "true,  false, PARTIALLY_ACHIEVED, false",
            "true,  true,  ACHIEVED,           true",
            "true,  true,  PARTIALLY_ACHIEVED, true",
            "true,  true,  NOT_ACHIEVED,       false",
    })
    void shouldDecideRenewal(boolean requested, boolean goodStanding, String rating, boolean expected) {
        DmnDecisionResult result = processEngine.getDecisionService().evaluateDecisionByKey("RenewalDecision")
                .variables(Map.of("renewalRequested", requested, "partnerInGoodStanding", goodStanding,
                        "finalRating", rating))
                .evaluate();

        assertThat(result).hasSize(1);
        assertThat((Boolean) result.getSingleEntry()).isEqualTo(expected);
    }
}
