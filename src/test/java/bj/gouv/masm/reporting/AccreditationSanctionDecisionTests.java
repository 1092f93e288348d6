package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule of processes/AccreditationSanction.dmn, on the deployed decision. */
class AccreditationSanctionDecisionTests extends IntegrationTestBase {

    @ParameterizedTest(name = "missed={0} incomplete={1} reported={2}/{3} -> {4} ({5})")
    @CsvSource({
            "2, 2, 0, 77, REVOCATION_PROPOSED, Rule_TwoMissedQuarters",
            "3, 3, 0, 77, REVOCATION_PROPOSED, Rule_TwoMissedQuarters",
            "0, 2, 40, 77, REVOCATION_PROPOSED, Rule_TwoIncompleteQuarters",
            "1, 1, 77, 77, WARNING, Rule_OneMissedQuarter",
            "1, 1, 0, 77, WARNING, Rule_OneMissedQuarter",
            "0, 1, 76, 77, WARNING, Rule_IncompleteIndicators",
            "0, 0, 77, 77, NONE, Rule_Compliant",
            "0, 0, 10, 10, NONE, Rule_Compliant"
    })
    void shouldDecideTheSanctionOfEveryRule(int missed, int incomplete, int reported, int expected, String sanction,
                                            String rule) {
        DmnDecisionResult result = processEngine.getDecisionService()
                .evaluateDecisionByKey(ReportingVariables.SANCTION_DECISION)
                .variables(Map.of("consecutiveMissedQuarters", missed, "consecutiveIncompleteQuarters", incomplete,
                        "indicatorsReported", reported, "indicatorsExpected", expected))
                .evaluate();
        assertThat((Object) result.getSingleResult().getSingleEntry()).as(rule).isEqualTo(sanction);
    }
}
