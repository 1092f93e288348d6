package bj.gouv.masm.security;

import static bj.gouv.masm.security.SecurityFixtures.Actor.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.security.SecurityFixtures.Actor;
import bj.gouv.masm.support.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Analysts follow what a version they deployed does (Cockpit's instance, job, incident and history
 * views, all read through /engine-rest), and change nothing: every modification is 403.
 */
class AnalystCockpitAccessTests extends IntegrationTestBase {

    /** /engine-rest lists are capped (masm.limits.engine-rest-max-results): every list names its page. */
    private static final String PAGE = "&maxResults=50";

    private static final String PROCESS = "AnalystFollowUpCase";

    private SecurityFixtures fx;
    private ProcessInstance instance;
    private Job job;
    private Incident incident;

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
        if (processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .count() == 0) {
            processEngine.getRepositoryService().createDeployment().name("analyst-tests")
                    .addModelInstance(PROCESS + ".bpmn", model()).deploy();
        }
        processEngine.getIdentityService().clearAuthentication();
        instance = processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, "AN-" + UUID.randomUUID(),
                Map.of(DepartmentAccessPlugin.DEPARTMENT_VARIABLE, "BORGOU"));
        job = processEngine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        String taskExecution = processEngine.getRuntimeService().createExecutionQuery()
                .processInstanceId(instance.getId()).activityId("Task_WorkOnCase").singleResult().getId();
        incident = processEngine.getRuntimeService().createIncident("analystCheck", taskExecution, "cfg",
                "Incident de test");
    }

    private static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(PROCESS)
                .name("Suivi d'une version (test analystes)")
                .camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_CaseFiled")
                .userTask("Task_WorkOnCase").name("Traiter le dossier").camundaCandidateGroups("cps-borgou")
                .boundaryEvent("BoundaryEvent_Reminder").cancelActivity(false).timerWithDuration("P30D")
                .endEvent("EndEvent_Reminded")
                .moveToActivity("Task_WorkOnCase")
                .endEvent("EndEvent_CaseDone")
                .done();
    }

    @Test
    void shouldLetAnalystsReadInstancesJobsIncidentsAndHistory() {
        String id = instance.getId();
        assertThat(read("/engine-rest/process-instance?processDefinitionKey=" + PROCESS + PAGE)).contains(id);
        assertThat(read("/engine-rest/process-instance/" + id)).contains(id);
        assertThat(read("/engine-rest/process-instance/" + id + "/activity-instances")).contains("Task_WorkOnCase");
        assertThat(read("/engine-rest/process-instance/" + id + "/variables")).contains("BORGOU");
        assertThat(read("/engine-rest/job?processInstanceId=" + id + PAGE)).contains(job.getId());
        assertThat(read("/engine-rest/incident?processInstanceId=" + id + PAGE)).contains(incident.getId());
        assertThat(read("/engine-rest/history/process-instance/" + id)).contains(id);
        assertThat(read("/engine-rest/history/activity-instance?processInstanceId=" + id + PAGE))
                .contains("StartEvent_CaseFiled");
        assertThat(read("/engine-rest/history/incident?processInstanceId=" + id + PAGE)).contains(incident.getId());
        assertThat(read("/engine-rest/history/variable-instance?processInstanceId=" + id + PAGE)).contains("department");
        assertThat(read("/engine-rest/process-definition/key/" + PROCESS + "/statistics?failedJobs=true&incidents=true"))
                .isNotBlank();
    }

    @Test
    void shouldRefuseAnalystsEveryChange() {
        String id = instance.getId();
        assertThat(status(put("/engine-rest/process-instance/" + id + "/variables/tampered",
                "{\"value\": true, \"type\": \"Boolean\"}"))).isEqualTo(403);
        assertThat(status(put("/engine-rest/process-instance/" + id + "/suspended", "{\"suspended\": true}")))
                .isEqualTo(403);
        assertThat(status(put("/engine-rest/job/" + job.getId() + "/retries", "{\"retries\": 3}"))).isEqualTo(403);
        assertThat(status(post("/engine-rest/job/" + job.getId() + "/execute", "{}"))).isEqualTo(403);
        assertThat(status(put("/engine-rest/job/" + job.getId() + "/duedate", "{\"duedate\": \"2030-01-01T00:00:00.000+0000\"}")))
                .isEqualTo(403);
        assertThat(status(post("/engine-rest/process-instance/" + id + "/modification",
                "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"EndEvent_CaseDone\"}]}")))
                .isEqualTo(403);
        assertThat(status(put("/engine-rest/incident/" + incident.getId() + "/annotation",
                "{\"annotation\": \"vu\"}"))).isEqualTo(403);
        assertThat(status(post("/engine-rest/process-definition/key/" + PROCESS + "/start", "{}"))).isEqualTo(403);
        assertThat(fx.delete(ANALYST, "/engine-rest/process-instance/" + id).statusCode()).isEqualTo(403);
        assertThat(fx.delete(ANALYST, "/engine-rest/history/process-instance/" + id).statusCode()).isEqualTo(403);

        // nothing changed
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).active()
                .count()).isEqualTo(1);
        assertThat(processEngine.getRuntimeService().getVariable(id, "tampered")).isNull();
        assertThat(processEngine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getDuedate())
                .isEqualTo(job.getDuedate());
        assertThat(processEngine.getRuntimeService().createIncidentQuery().incidentId(incident.getId()).count())
                .isEqualTo(1);
    }

    @Test
    void shouldStillHideTheseCasesFromTheWorkingGroupsOfOtherDepartments() {
        assertThat(fx.get(Actor.CPS_ALIBORI, "/engine-rest/process-instance?processDefinitionKey=" + PROCESS).body())
                .doesNotContain(instance.getId());
        assertThat(fx.get(Actor.CPS_ALIBORI, "/engine-rest/incident?processInstanceId=" + instance.getId()).body())
                .doesNotContain(incident.getId());
    }

    private String read(String path) {
        HttpResponse<String> response = fx.get(ANALYST, path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> put(String path, String json) {
        return fx.send(ANALYST, HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> post(String path, String json) {
        return fx.postJson(ANALYST, path, json);
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }
}
