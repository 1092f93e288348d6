package bj.gouv.masm.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a small cohort (50 partners, 2 years) through {@code simulate} in child JVMs — the shipped models,
 * and at the same time the same seed with an edited {@code AccreditationSanction.dmn} — then checks the
 * report's shape, each invariant of the record, and the analyst's what-if.
 */
class SimulationTests {

    static final String SEED = "--seed=2026";

    @TempDir
    static Path tmp;
    static JsonNode shipped;
    static JsonNode edited;
    static Path shippedDir;

    @BeforeAll
    static void simulate() throws Exception {
        shippedDir = tmp.resolve("shipped");
        Path editedDir = tmp.resolve("edited");
        Path models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("AccreditationSanction.dmn"), threeQuartersInsteadOfTwo(), StandardCharsets.UTF_8);
        Process a = SimulationRun.start(shippedDir, "--partners=50", "--years=2", SEED);
        Process b = SimulationRun.start(editedDir, "--partners=50", "--years=2", SEED, "--processes=" + models);
        shipped = SimulationRun.await(a, shippedDir);
        edited = SimulationRun.await(b, editedDir);
    }

    /** The analyst's edit, one cell: revocation proposed after 3 missed quarters instead of 2. */
    static String threeQuartersInsteadOfTwo() throws Exception {
        String dmn = Files.readString(Path.of("processes/AccreditationSanction.dmn"), StandardCharsets.UTF_8);
        String edited = dmn
                .replace("<inputEntry id=\"InputEntry_TwoMissed_Missed\"><text>&gt;= 2</text>",
                        "<inputEntry id=\"InputEntry_TwoMissed_Missed\"><text>&gt;= 3</text>");
        assertThat(edited).as("the DMN's threshold cells").isNotEqualTo(dmn);
        return edited;
    }

    @Test
    void shouldWriteEveryFieldOfTheReport() {
        for (String field : List.of("partners", "years", "seed", "elapsedSeconds", "userTasksCompleted", "timersFired",
                "stepsPerSecond", "conventionsSigned", "conventionsByStatus", "sanctions", "reviewsHeld", "workload",
                "cycleTimes", "invariantViolations")) {
            assertThat(shipped.has(field)).as(field).isTrue();
        }
        assertThat(shipped.get("partners").asInt()).isEqualTo(50);
        assertThat(shipped.get("years").asInt()).isEqualTo(2);
        assertThat(shipped.get("seed").asLong()).isEqualTo(2026);
        assertThat(shipped.get("conventionsByStatus").isObject()).isTrue();
        assertThat(shipped.get("sanctions").has("WARNING")).isTrue();
        assertThat(shipped.get("sanctions").has("REVOCATION_PROPOSED")).isTrue();
        assertThat(shipped.get("workload")).isNotEmpty();
        for (JsonNode row : shipped.get("workload")) {
            assertThat(row.fieldNames()).toIterable()
                    .contains("office", "month", "tasksCreated", "tasksCompleted", "overdue");
            assertThat(row.get("month").asText()).matches("\\d{4}-\\d{2}");
        }
        assertThat(shipped.get("cycleTimes")).isNotEmpty();
        for (JsonNode row : shipped.get("cycleTimes")) {
            assertThat(row.fieldNames()).toIterable().contains("step", "p50Days", "p90Days");
            assertThat(row.get("p90Days").asDouble()).isGreaterThanOrEqualTo(row.get("p50Days").asDouble());
        }
        assertThat(shipped.get("cycleTimes").findValuesAsText("step")).contains("Task_ReviewDossier",
                SimulationStatistics.DOSSIER_TO_SIGNATURE);
        for (JsonNode v : shipped.get("invariantViolations")) {
            assertThat(v.fieldNames()).toIterable().contains("invariant", "caseKey", "detail");
        }
    }

    @Test
    void shouldRunTheProceduresOverTheYears() {
        assertThat(shipped.get("userTasksCompleted").asLong()).isGreaterThan(100);
        assertThat(shipped.get("timersFired").asLong()).isGreaterThan(100);
        assertThat(shipped.get("conventionsSigned").asLong()).isPositive();
        assertThat(shipped.get("reviewsHeld").asLong()).isPositive();
        assertThat(shipped.get("stepsPerSecond").asDouble()).isPositive();
        assertThat(shipped.get("formRefusals")).as("entries the server refused").isEmpty();
    }

    @Test
    void shouldWriteAFrenchPageWhoseChartsNeedNoNetwork() throws Exception {
        String html = Files.readString(shippedDir.resolve("simulation.html"));
        assertThat(html).contains("lang=\"fr\"", "<svg", "Invariants", "Conventions par statut");
        assertThat(html).doesNotContain("<script", "http://", "https://");
    }

    @Test
    void shouldProposeFewerRevocationsWhenTheSanctionWaitsThreeQuarters() {
        long shippedProposals = shipped.get("sanctions").get("REVOCATION_PROPOSED").asLong();
        long editedProposals = edited.get("sanctions").get("REVOCATION_PROPOSED").asLong();
        assertThat(shippedProposals).isPositive();
        assertThat(editedProposals).isLessThan(shippedProposals);
        assertThat(edited.get("processes").asText()).endsWith("models");
    }

    // ------------------------------------------------------------------ invariants, one test each

    @Test
    void shouldHaveNoConventionWithoutFavourableOpinionAndSgmSignature() {
        assertThat(violations(InvariantChecker.CONVENTION_WITHOUT_OPINION_OR_SIGNATURE)).isEmpty();
    }

    @Test
    void shouldHaveNoConventionActiveAfterItsEndDate() {
        assertThat(violations(InvariantChecker.ACTIVE_AFTER_END)).isEmpty();
    }

    @Test
    void shouldHaveExactlyOneReportPerOscConventionPerQuarterInForce() {
        assertThat(violations(InvariantChecker.ONE_REPORT_PER_QUARTER)).isEmpty();
    }

    @Test
    void shouldNeverSanctionACompleteOnTimeReport() {
        assertThat(violations(InvariantChecker.SANCTION_ON_COMPLIANT_REPORT)).isEmpty();
    }

    @Test
    void shouldCountEveryReportOfTheHalfYearInEachDepartmentalReview() {
        assertThat(violations(InvariantChecker.REVIEW_COUNTS_HALF_YEAR)).isEmpty();
    }

    @Test
    void shouldGiveEveryUserTaskAnExistingCandidateGroup() {
        assertThat(violations(InvariantChecker.TASK_CANDIDATE_GROUP)).isEmpty();
    }

    @Test
    void shouldGiveEveryUserTaskADueDate() {
        assertThat(violations(InvariantChecker.TASK_DUE_DATE)).isEmpty();
    }

    @Test
    void shouldRaiseNoIncident() {
        assertThat(violations(InvariantChecker.NO_INCIDENT)).isEmpty();
    }

    @Test
    void shouldNeverGiveTwoConventionsTheSameNumber() {
        assertThat(violations(InvariantChecker.UNIQUE_CONVENTION_NUMBER)).isEmpty();
    }

    static List<String> violations(String invariant) {
        List<String> found = new ArrayList<>();
        for (JsonNode v : shipped.get("invariantViolations")) {
            if (invariant.equals(v.get("invariant").asText())) {
                found.add(v.get("caseKey").asText() + " : " + v.get("detail").asText());
            }
        }
        return found;
    }
}
