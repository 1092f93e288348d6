package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceFormLists;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 item 12: a task's form reads its reference lists (valuesKey) from task-local variables filled
 * from the tables when the task is created, so a label changed in a table shows in the next task.
 */
class ReferenceListVariablesTests extends ReportingTestSupport {

    @Autowired
    ReferenceDataService reference;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldFeedTheReportFormListsFromTheTablesWhenTheTaskIsCreated() throws Exception {
        jdbc.update("update ref_department set label = 'Borgou (libellé de la table)' where code = 'BORGOU'");
        reference.evictCache();
        try {
            Convention convention = activeOscConvention(2063);
            Quarter q1 = new Quarter(2063, 1);
            openQuarter(q1);
            Task task = task(key(convention, q1), ReportingVariables.TASK_RECORD_REPORT);

            JsonNode departments = local(task, ReferenceFormLists.DEPARTMENTS);
            assertThat(departments).hasSize(jdbc.queryForObject("select count(*) from ref_department", Integer.class));
            assertThat(departments.get(0).path("label").asText()).isEqualTo("Alibori");
            assertThat(departments.get(0).path("value").asText()).isEqualTo("ALIBORI");
            assertThat(labels(departments)).contains("Borgou (libellé de la table)").doesNotContain("Borgou");
            assertThat(local(task, ReferenceFormLists.COMMUNES))
                    .hasSize(jdbc.queryForObject("select count(*) from ref_commune", Integer.class));
            assertThat(labels(local(task, ReferenceFormLists.COMMUNES))).contains("Parakou (Borgou (libellé de la table))");
            assertThat(labels(local(task, ReferenceFormLists.TARGET_GROUPS))).contains("Femmes");
            assertThat(local(task, ReferenceFormLists.DOMAINS))
                    .hasSize(jdbc.queryForObject("select count(*) from ref_domain", Integer.class));
            // only the lists its form names: the report form offers no recommendation owner
            assertThat(taskService.getVariableLocal(task.getId(), ReferenceFormLists.GROUPS)).isNull();
        } finally {
            jdbc.update("update ref_department set label = 'Borgou' where code = 'BORGOU'");
            reference.evictCache();
        }
    }

    private JsonNode local(Task task, String name) throws Exception {
        Object value = taskService.getVariableLocal(task.getId(), name);
        assertThat(value).as(name).isNotNull();
        return json.readTree(value.toString());
    }

    private static List<String> labels(JsonNode options) {
        List<String> labels = new ArrayList<>();
        options.forEach(o -> labels.add(o.path("label").asText()));
        return labels;
    }
}
