package bj.gouv.masm.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;

/** What the simulator submits for a form: read from the shipped form files, no engine needed. */
class FormFillerTests {

    final ObjectMapper mapper = new ObjectMapper();
    final FormFiller filler = new FormFiller(mapper);
    final LocalDate today = LocalDate.of(2026, 5, 4);

    record Fixed(Map<String, Object> values) implements FormFiller.Decisions {
        @Override
        public Object value(String key, String type, List<String> options) {
            return values.get(key);
        }

        @Override
        public Integer rows(String path, List<String> columnKeys, int optionsOfFirstSelect) {
            return path.equals("activities") ? 2 : null;
        }
    }

    JsonNode form(String name) throws Exception {
        return mapper.readTree(Path.of("forms", name).toFile());
    }

    @Test
    void shouldSubmitOnlyVisibleEditableFieldsWithTheBehavioursDecisions() throws Exception {
        Map<String, Object> complete = filler.fill(form("convention-check-dossier.form"),
                new Fixed(Map.of("dossierComplete", "true")), today, new Random(1), k -> List.of("STATUTES", "REGISTRATION"));
        assertThat(complete).containsEntry("dossierComplete", "true").containsKey("receivedDocuments")
                .doesNotContainKey("missingDocuments"); // hidden unless the dossier is incomplete
        assertThat(complete.get("receivedDocuments")).isInstanceOf(JsonValue.class);

        Map<String, Object> incomplete = filler.fill(form("convention-check-dossier.form"),
                new Fixed(Map.of("dossierComplete", "false")), today, new Random(1), k -> List.of("STATUTES"));
        assertThat(incomplete).containsKey("missingDocuments");
    }

    @Test
    void shouldRespectTheFormsBoundsAndSkipReadOnlyFields() throws Exception {
        for (int seed = 0; seed < 20; seed++) {
            Map<String, Object> values = filler.fill(form("convention-sign-convention.form"), new Fixed(Map.of()), today,
                    new Random(seed), k -> List.of());
            long months = ((Number) values.get("durationMonths")).longValue();
            assertThat(months).isBetween(6L, 60L);
            assertThat(values.get("signedOn")).isEqualTo("2026-05-04");
            assertThat(values).containsKeys("partnerSignatory", "obligations", "accountability");
        }
        Map<String, Object> report = filler.fill(form("reporting-record-quarterly-report.form"),
                new Fixed(Map.of("reportReceived", true)), today, new Random(3), FormFillerTests::referenceLists);
        assertThat(report).doesNotContainKeys("partnerName", "conventionNumber", "indicatorsExpected", "activitiesRecorded")
                .containsKeys("activitiesSummary", "activities");
        JsonNode activities = mapper.readTree(((JsonValue) report.get("activities")).getValueSerialized());
        assertThat(activities).hasSize(2);
        assertThat(activities.get(0).fieldNames()).toIterable()
                .contains("department", "domain", "targetGroup", "description", "startDate", "endDate", "budgetXof")
                .doesNotContain("commune"); // optional cells stay empty

        Map<String, Object> notReceived = filler.fill(form("reporting-record-quarterly-report.form"),
                new Fixed(Map.of("reportReceived", false)), today, new Random(3), FormFillerTests::referenceLists);
        assertThat(notReceived).containsEntry("reportReceived", false).doesNotContainKeys("activitiesSummary", "activities");
    }

    /** The reference lists a task form reads through valuesKey (task-local variables filled from the tables). */
    private static List<String> referenceLists(String valuesKey) {
        return switch (valuesKey) {
            case "refDepartments" -> List.of("BORGOU", "ZOU");
            case "refDomains" -> List.of("WOMEN_EMPOWERMENT_GBV");
            case "refTargetGroups" -> List.of("WOMEN");
            case "refCommunes" -> List.of("Parakou");
            default -> List.of();
        };
    }

    @Test
    void shouldFillOptionalFieldsOnASecondTry() throws Exception {
        Map<String, Object> second = filler.fill(form("reviews-follow-up-recommendation.form"),
                new Fixed(Map.of("followUpStatus", "DROPPED")), today, new Random(5), k -> List.of(), true);
        assertThat(second).containsKeys("followUpStatus", "followUpComment", "newDueDate");
    }
}
