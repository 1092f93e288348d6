package bj.gouv.masm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceFormLists;
import bj.gouv.masm.reference.ReferenceItem;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 item 12: a task form's reference lists are fed from the tables ({@code valuesKey} named after
 * {@link ReferenceFormLists}, filled when the task is created by {@code reference.ReferenceListsPlugin});
 * task forms carry no copies. Start forms get no variables from Tasklist, so they keep a copy of the table:
 * this test fails as soon as a copy and its table differ (codes, labels, order), naming the form, the field
 * and what the table says. Regenerate the copies with {@code tools/sync_form_reference_lists.py}
 * (reads GET /api/reference).
 */
class FormReferenceListsTests extends IntegrationTestBase {

    @Autowired
    protected bj.gouv.masm.security.process.OfficeGroups officeGroups;
    @Autowired
    ReferenceDataService reference;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReferenceFormLists lists;

    private final ObjectMapper json = new ObjectMapper();

    /** Form keys that hold a reference list, and the table they copy. */
    private static final Map<String, ReferenceCategory> LISTS = Map.of(
            "department", ReferenceCategory.DEPARTMENT,
            "requestedDepartments", ReferenceCategory.DEPARTMENT,
            "domain", ReferenceCategory.DOMAIN,
            "requestedDomains", ReferenceCategory.DOMAIN,
            "targetGroup", ReferenceCategory.TARGET_GROUP,
            "requestedAxes", ReferenceCategory.COOPERATION_AXIS,
            "organisationType", ReferenceCategory.ORGANISATION_TYPE);

    /** Lists where a form offers a chosen subset of the table. */
    private static final java.util.Set<String> SUBSETS = java.util.Set.of("organisationType");

    @Test
    void shouldKeepEveryCopiedReferenceListEqualToItsTable() throws IOException {
        List<String> differences = new ArrayList<>();
        int copies = 0;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path form : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                List<JsonNode> fields = new ArrayList<>();
                collect(json.readTree(form.toFile()).get("components"), fields);
                for (JsonNode field : fields) {
                    String key = field.path("key").asText();
                    JsonNode values = field.get("values");
                    if (values == null || !values.isArray()) {
                        continue; // fed by valuesKey, or not a list
                    }
                    Map<String, String> copy = new LinkedHashMap<>();
                    values.forEach(v -> copy.put(v.path("value").asText(), v.path("label").asText()));
                    Map<String, String> table = tableOf(key);
                    if (table == null) {
                        continue; // a decision's own options (ratings, outcomes), not a reference list
                    }
                    copies++;
                    boolean drifted;
                    if (SUBSETS.contains(key)) {
                        // a chosen part of the table (the OSC organisation types): same codes, same labels
                        drifted = !copy.entrySet().stream().allMatch(e -> e.getValue().equals(table.get(e.getKey())));
                    } else if (key.equals("commune")) {
                        drifted = !copy.equals(table);
                    } else {
                        drifted = !new ArrayList<>(copy.entrySet()).equals(new ArrayList<>(table.entrySet()));
                    }
                    if (drifted) {
                        differences.add(form.getFileName() + " / " + key + " differs from its table; the table says "
                                + table + " but the form has " + copy);
                    }
                }
            }
        }
        assertThat(differences).as("copies of reference tables that drifted").isEmpty();
        assertThat(copies).as("reference lists copied in forms").isGreaterThanOrEqualTo(3);
    }

    /** Form keys whose options are a whole reference table, and the valuesKey that feeds them in a task form. */
    private static final Map<String, String> FED = Map.of(
            "department", ReferenceFormLists.DEPARTMENTS, "requestedDepartments", ReferenceFormLists.DEPARTMENTS,
            "commune", ReferenceFormLists.COMMUNES, "domain", ReferenceFormLists.DOMAINS,
            "requestedDomains", ReferenceFormLists.DOMAINS, "targetGroup", ReferenceFormLists.TARGET_GROUPS,
            "requestedAxes", ReferenceFormLists.AXES, "owner", ReferenceFormLists.GROUPS);

    @Test
    void shouldFeedEveryTaskFormReferenceListFromItsTable() throws IOException {
        Set<String> startForms = startForms();
        assertThat(startForms).contains("convention-dossier-start");
        List<String> problems = new ArrayList<>();
        int fed = 0;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path form : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                JsonNode root = json.readTree(form.toFile());
                if (startForms.contains(root.path("id").asText())) {
                    continue; // no variables in a start form: its copies are checked above
                }
                List<JsonNode> fields = new ArrayList<>();
                collect(root.get("components"), fields);
                for (JsonNode field : fields) {
                    String key = field.path("key").asText();
                    String valuesKey = field.path("valuesKey").asText("");
                    if (valuesKey.startsWith("ref") && !ReferenceFormLists.KEYS.contains(valuesKey)) {
                        problems.add(form.getFileName() + " / " + key + ": unknown reference list " + valuesKey);
                    }
                    if (!FED.containsKey(key) || !field.has("values") && valuesKey.isEmpty()) {
                        continue;
                    }
                    if (field.has("values") || !FED.get(key).equals(valuesKey)) {
                        problems.add(form.getFileName() + " / " + key + " must read valuesKey " + FED.get(key)
                                + " instead of a copy of its table");
                    } else {
                        fed++;
                    }
                }
            }
        }
        assertThat(problems).as("task forms with their own copy of a reference table").isEmpty();
        assertThat(fed).as("task form lists fed from the tables").isGreaterThanOrEqualTo(9);
    }

    /** Ids of the forms of start events: Tasklist starts them with no variables. */
    private static Set<String> startForms() throws IOException {
        Set<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path bpmn : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(bpmn.toFile()).getModelElementsByType(StartEvent.class).stream()
                        .map(StartEvent::getCamundaFormRef).filter(java.util.Objects::nonNull).forEach(ids::add);
            }
        }
        return ids;
    }

    private Map<String, String> tableOf(String key) {
        Map<String, String> table = new LinkedHashMap<>();
        if (LISTS.containsKey(key)) {
            for (ReferenceItem item : reference.list(LISTS.get(key))) {
                table.put(item.code(), item.label());
            }
            return table;
        }
        if (key.equals("commune")) {
            for (Map<String, Object> row : jdbc.queryForList("select c.name, d.label from ref_commune c "
                    + "join ref_department d on d.code = c.department order by c.name")) {
                table.put((String) row.get("name"), row.get("name") + " (" + row.get("label") + ")");
            }
            return table;
        }
        if (key.equals("owner")) {
            // recommendation owners: every CPS and the central groups (labels are free text)
            return null;
        }
        return null;
    }

    @Test
    void shouldOfferEveryOfficeAsRecommendationOwner() throws IOException {
        TreeSet<String> expected = new TreeSet<>();
        expected.addAll(officeGroups.cpsGroups());
        for (String form : List.of("reviews-hold-departmental.form", "reviews-hold-national.form", "reviews-hold-joint-commission.form")) {
            List<JsonNode> fields = new ArrayList<>();
            collect(json.readTree(Path.of("forms", form).toFile()).get("components"), fields);
            assertThat(fields.stream().filter(f -> f.path("key").asText().equals("owner"))
                    .map(f -> f.path("valuesKey").asText()).toList()).as(form).containsExactly(ReferenceFormLists.GROUPS);
        }
        TreeSet<String> owners = new TreeSet<>();
        lists.options(ReferenceFormLists.GROUPS).forEach(o -> owners.add(o.get("value")));
        assertThat(owners).containsAll(expected).contains(Groups.DPAF, Groups.SGM, Groups.OFFE, Groups.CABINET);
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        if (components == null) {
            return;
        }
        for (JsonNode c : components) {
            into.add(c);
            collect(c.get("components"), into);
        }
    }
}
