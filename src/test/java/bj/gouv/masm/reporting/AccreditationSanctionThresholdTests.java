package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The README's example of an analyst's change: one cell of processes/AccreditationSanction.dmn
 * edited as in Camunda Modeler ({@code >= 2} → {@code >= 3}) changes the outcome, with no Java.
 * (Before the fix, two missed quarters were also two incomplete ones and still proposed revocation.)
 */
class AccreditationSanctionThresholdTests {

    private static final String MISSED_CELL = "<inputEntry id=\"InputEntry_TwoMissed_Missed\"><text>&gt;= 2</text>";
    private static final String INCOMPLETE_CELL =
            "<inputEntry id=\"InputEntry_TwoIncomplete_Incomplete\"><text>&gt;= 2</text>";

    private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @Test
    void shouldProposeRevocationAfterTwoMissedQuartersWithTheShippedTable() throws IOException {
        DmnDecision shipped = decision(table());
        assertThat(sanction(shipped, 2, 2, 0)).isEqualTo("REVOCATION_PROPOSED");
        assertThat(sanction(shipped, 1, 1, 0)).isEqualTo("WARNING");
        // an incomplete report followed by a missed quarter: still two incomplete quarters in a row
        assertThat(sanction(shipped, 1, 2, 0)).isEqualTo("REVOCATION_PROPOSED");
    }

    @Test
    void shouldOnlyWarnAfterTwoMissedQuartersOnceTheAnalystRaisesTheThresholdToThree() throws IOException {
        String table = table();
        assertThat(table).contains(MISSED_CELL);
        DmnDecision edited = decision(table.replace(MISSED_CELL, MISSED_CELL.replace("&gt;= 2", "&gt;= 3")));
        assertThat(sanction(edited, 2, 2, 0)).isEqualTo("WARNING");
        assertThat(sanction(edited, 3, 3, 0)).isEqualTo("REVOCATION_PROPOSED");
        assertThat(sanction(edited, 0, 0, 77)).isEqualTo("NONE");
    }

    @Test
    void shouldOnlyWarnAfterTwoIncompleteReportsOnceTheAnalystRaisesThatThresholdToThree() throws IOException {
        String table = table();
        assertThat(table).contains(INCOMPLETE_CELL);
        DmnDecision shipped = decision(table);
        DmnDecision edited = decision(table.replace(INCOMPLETE_CELL, INCOMPLETE_CELL.replace("&gt;= 2", "&gt;= 3")));
        assertThat(sanction(shipped, 0, 2, 40)).isEqualTo("REVOCATION_PROPOSED");
        assertThat(sanction(edited, 0, 2, 40)).isEqualTo("WARNING");
        assertThat(sanction(edited, 0, 3, 40)).isEqualTo("REVOCATION_PROPOSED");
    }

    private static String table() throws IOException {
        return Files.readString(Path.of("processes", "AccreditationSanction.dmn"), StandardCharsets.UTF_8);
    }

    private DmnDecision decision(String xml) {
        return engine.parseDecision("AccreditationSanction",
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private String sanction(DmnDecision decision, int missed, int incomplete, int reported) {
        Object result = engine.evaluateDecisionTable(decision, Map.of("consecutiveMissedQuarters", missed,
                "consecutiveIncompleteQuarters", incomplete, "indicatorsReported", reported,
                "indicatorsExpected", 77)).getSingleResult().getSingleEntry();
        return (String) result;
    }
}
