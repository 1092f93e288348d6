package bj.gouv.masm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every model under processes/ is deployed, and every form it references is deployed too; models and forms
 * follow the naming convention of README « For analysts » (form ids, field ids, task ids).
 */
class ModelResourcesTests extends IntegrationTestBase {

    private static final Pattern FORM_REF = Pattern.compile("formRef=\"([^\"$]+)\"");
    private static final Pattern PROCESS_ID = Pattern.compile("<(?:bpmn:)?process id=\"([^\"]+)\"");
    /** Form ids: kebab-case {@code <feature>-<what>}, the feature as in the forms' file names. */
    static final Pattern FORM_ID = Pattern.compile(
            "(convention|coordination|funding|programmes|reporting|reviews)(-[a-z0-9]+)+");
    /** Ids Camunda Modeler generates ({@code Field_text_7}, {@code Field_0x8kq2m}, {@code Activity_1abcdef}). */
    static final Pattern GENERATED_ID = Pattern.compile("[A-Za-z]+_[A-Za-z]*_\\d+|[A-Za-z]+_(?=[0-9a-z]*\\d)[0-9a-z]{7}");
    private static final Pattern COMPONENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TASK = Pattern.compile("<(?:bpmn:)?(serviceTask|userTask) id=\"([^\"]+)\"");
    /**
     * Service task ids of docs/contract.md kept with the user-task prefix {@code Task_} (none today): a
     * contract name never changes, so such an id stays and is listed here.
     */
    static final Set<String> CONTRACT_SERVICE_TASKS = Set.of();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldResolveEveryFormReferencedByAModel() throws IOException {
        Set<String> referenced = new TreeSet<>();
        for (Path model : models(".bpmn")) {
            Matcher matcher = FORM_REF.matcher(Files.readString(model));
            while (matcher.find()) {
                referenced.add(matcher.group(1));
            }
        }
        List<String> deployed = jdbc.queryForList("select key_ from act_re_camformdef", String.class);
        assertThat(deployed).as("forms deployed by the engine").containsAll(referenced);
    }

    @Test
    void shouldDeployEveryProcessUnderItsFileName() throws IOException {
        List<Path> models = models(".bpmn");
        assertThat(models).as("BPMN models under processes/").isNotEmpty();
        for (Path model : models) {
            String key = model.getFileName().toString().replace(".bpmn", "");
            Matcher matcher = PROCESS_ID.matcher(Files.readString(model));
            assertThat(matcher.find()).as("process element in " + model).isTrue();
            assertThat(matcher.group(1)).as("process id of " + model).isEqualTo(key);
            assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery()
                    .processDefinitionKey(key).latestVersion().count()).as(key + " deployed").isEqualTo(1);
        }
    }

    @Test
    void shouldNameEveryFormInKebabCaseAfterItsFeatureAndFile() throws IOException {
        List<Path> forms = files("forms", ".form");
        assertThat(forms).isNotEmpty();
        for (Path form : forms) {
            JsonNode json = new ObjectMapper().readTree(form.toFile());
            String id = json.path("id").asText();
            assertThat(id).as("form id of " + form).isEqualTo(form.getFileName().toString().replace(".form", ""));
            assertThat(FORM_ID.matcher(id).matches()).as(id + " is <feature>-<what> in kebab-case").isTrue();
        }
        assertThat(FORM_ID.matcher("ConventionCheckDossier").matches()).isFalse();
        assertThat(FORM_ID.matcher("form-reviews-hold-national").matches()).isFalse();
        assertThat(FORM_ID.matcher("decide-revocation").matches()).isFalse();
    }

    @Test
    void shouldGiveEveryFormFieldAReadableId() throws IOException {
        List<String> generated = new java.util.ArrayList<>();
        for (Path form : files("forms", ".form")) {
            JsonNode json = new ObjectMapper().readTree(form.toFile());
            Matcher ids = COMPONENT_ID.matcher(json.path("components").toString());
            while (ids.find()) {
                if (GENERATED_ID.matcher(ids.group(1)).matches()) {
                    generated.add(form.getFileName() + ": " + ids.group(1));
                }
            }
        }
        assertThat(generated).as("generated field ids: give them readable ones").isEmpty();
        assertThat(GENERATED_ID.matcher("Field_text_7").matches()).isTrue();
        assertThat(GENERATED_ID.matcher("Field_0x8kq2m").matches()).isTrue();
        assertThat(GENERATED_ID.matcher("Field_DossierComplete").matches()).isFalse();
    }

    @Test
    void shouldPrefixUserTasksWithTaskAndServiceTasksWithServiceTask() throws IOException {
        List<String> wrong = new java.util.ArrayList<>();
        for (Path model : models(".bpmn")) {
            Matcher tasks = TASK.matcher(Files.readString(model));
            while (tasks.find()) {
                String kind = tasks.group(1);
                String id = tasks.group(2);
                boolean ok = kind.equals("userTask") ? id.startsWith("Task_")
                        : id.startsWith("ServiceTask_") || CONTRACT_SERVICE_TASKS.contains(id);
                if (!ok || GENERATED_ID.matcher(id).matches()) {
                    wrong.add(model.getFileName() + ": " + kind + " " + id);
                }
            }
        }
        assertThat(wrong).as("user tasks Task_..., service tasks ServiceTask_...").isEmpty();
    }

    private static List<Path> files(String folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }

    private static List<Path> models(String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }
}
