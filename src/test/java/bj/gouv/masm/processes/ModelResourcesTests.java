package bj.gouv.masm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
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

/** Every model under processes/ is deployed, and every form it references is deployed too. */
class ModelResourcesTests extends IntegrationTestBase {

    private static final Pattern FORM_REF = Pattern.compile("formRef=\"([^\"$]+)\"");
    private static final Pattern PROCESS_ID = Pattern.compile("<(?:bpmn:)?process id=\"([^\"]+)\"");

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

    private static List<Path> models(String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }
}
