package bj.gouv.masm.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.funding.ApiCalls;
import bj.gouv.masm.shared.FormInputException;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** ProgrammeEvaluation: opening once per programme and year, each conclusion, the overdue timer, the calendar. */
class ProgrammeEvaluationTests extends IntegrationTestBase {

    @Autowired
    ProgrammeService programmes;
    @Autowired
    ProgrammeEvaluationService evaluations;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    ApiCalls api;
    String run;
    int year;
    Long old;
    Long recent;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(baseUrl());
        run = UUID.randomUUID().toString().substring(0, 8);
        year = LocalDate.now().getYear();
        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
        old = programmes.create(new ProgrammeService.ProgrammeRequest("Programme ancien " + run, List.of(), List.of("ZOU"),
                List.of("CHILD_PROTECTION"), LocalDate.now().minusYears(7), null, 900_000_000L)).id();
        recent = programmes.create(new ProgrammeService.ProgrammeRequest("Programme récent " + run, List.of(), List.of("ZOU"),
                List.of("CHILD_PROTECTION"), LocalDate.now().minusYears(3), null, 1_000L)).id();
        processEngine.getIdentityService().clearAuthentication();
    }

    private ProcessInstance instance(Long programmeId) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(ProgrammeEvaluationService.businessKey(programmeId, year)).singleResult();
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    @Test
    void shouldOpenOneEvaluationPerProgrammeOverFiveYearsAndYear() throws Exception {
        assertThat(api.post("/api/programmes/evaluations/open", "cps.zou", "").statusCode()).isEqualTo(403);
        HttpResponse<String> opened = api.post("/api/programmes/evaluations/open", "dpaf.agent", "");
        assertThat(opened.statusCode()).isEqualTo(200);
        JsonNode first = json.readTree(opened.body());
        assertThat(first.get("opened").toString()).contains(ProgrammeEvaluationService.businessKey(old, year))
                .doesNotContain(ProgrammeEvaluationService.businessKey(recent, year));
        JsonNode second = json.readTree(api.post("/api/programmes/evaluations/open", "dpaf.agent", "").body());
        assertThat(second.get("opened").toString()).doesNotContain(ProgrammeEvaluationService.businessKey(old, year));
        assertThat(second.get("alreadyOpen").toString()).contains(ProgrammeEvaluationService.businessKey(old, year));

        Task task = task(instance(old));
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ProgrammeVariables.TASK_EVALUATE);
        assertThat(task.getDueDate()).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("dpaf").count()).isEqualTo(1);
        assertThat((String) taskService.getVariableLocal(task.getId(), ProgrammeVariables.PROGRAMME_CONTEXT))
                .contains("Programme ancien " + run).contains("(7 ans)");
    }

    @Test
    void shouldRecordAContinueConclusionWithRecommendationsIntoTheRegister() throws Exception {
        evaluations.openDue(year, ProgrammeEvaluationService.DEFAULT_EVALUATION_PERIOD);
        ProcessInstance instance = instance(old);
        Task task = task(instance);
        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("conclusion", "MAYBE", "findings", "x")))
                .isInstanceOf(FormInputException.class);
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("conclusion", "CONTINUE")))
                .isInstanceOf(FormInputException.class);
        String due = LocalDate.now().plusMonths(6).toString();
        taskService.complete(task.getId(), Map.of("conclusion", "CONTINUE", "findings", "Résultats atteints à 80 %",
                "programmeRecommendations", SpinValues.jsonValue("[{\"text\": \"Étendre au Couffo\", \"owner\": \"dpaf\", "
                        + "\"dueDate\": \"" + due + "\"}]").create()));

        assertThat(instance).isEnded().hasPassed("EndEvent_ProgrammeEvaluated");
        assertThat(jdbc.queryForObject("select count(*) from recommendation where source_type = 'PROGRAMME_EVALUATION' "
                + "and source_key = ?", Integer.class, ProgrammeEvaluationService.businessKey(old, year))).isEqualTo(1);
        JsonNode listed = json.readTree(api.get("/api/programmes?olderThanYears=5&q=" + run, "manager").body());
        JsonNode last = listed.get("content").get(0).get("lastEvaluation");
        assertThat(last.get("year").asInt()).isEqualTo(year);
        assertThat(last.get("conclusion").asText()).isEqualTo("CONTINUE");
        assertThat(last.get("status").asText()).isEqualTo("DONE");
        assertThat(api.send("DELETE", "/api/programmes/" + old, "dpaf.agent", "application/json", "").statusCode())
                .as("an evaluated programme stays in the register").isEqualTo(409);
    }

    @Test
    void shouldCloseTheProgrammeWhenTheEvaluationConcludesClose() throws Exception {
        evaluations.openDue(year, ProgrammeEvaluationService.DEFAULT_EVALUATION_PERIOD);
        ProcessInstance instance = instance(old);
        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
        taskService.complete(task(instance).getId(), Map.of("conclusion", "CLOSE", "findings", "Objectifs atteints, fin"));

        assertThat(instance).isEnded().hasPassed("ServiceTask_CloseProgramme", "EndEvent_ProgrammeClosed");
        assertThat(programmes.get(old).status()).isEqualTo("CLOSED");
        JsonNode listed = json.readTree(api.get("/api/programmes?olderThanYears=5&q=" + run, "manager").body());
        assertThat(listed.get("totalElements").asLong()).as("a closed programme is no longer due").isZero();
    }

    @Test
    void shouldMarkTheEvaluationOverdueAtItsDueDateAndKeepTheTask() {
        evaluations.openDue(year, ProgrammeEvaluationService.DEFAULT_EVALUATION_PERIOD);
        ProcessInstance instance = instance(old);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult().getId());

        assertThat(instance).hasPassed("EndEvent_OverdueRecorded").isWaitingAt(ProgrammeVariables.TASK_EVALUATE);
        assertThat(jdbc.queryForObject("select status from programme_evaluation where business_key = ?", String.class,
                ProgrammeEvaluationService.businessKey(old, year))).isEqualTo("OVERDUE");
    }

    @Test
    void shouldOpenTheEvaluationsFromTheYearlyCalendar() {
        var job = managementService.createJobQuery().processDefinitionKey(ProgrammeVariables.CALENDAR).timers()
                .singleResult();
        assertThat(job).as("the 2 May timer is scheduled").isNotNull();
        managementService.executeJob(job.getId());
        assertThat(instance(old)).isNotNull();
        assertThat(instance(recent)).isNull();
    }
}
