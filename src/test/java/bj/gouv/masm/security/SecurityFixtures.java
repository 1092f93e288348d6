package bj.gouv.masm.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/** A department-scoped case to act on, the demo users of each group, and HTTP with basic auth. */
final class SecurityFixtures {

    /** A stand-in for any department-scoped process: one user task for the department's CPS. */
    static final String CASE_PROCESS = "SecurityMatrixCase";
    static final String CASE_TASK = "Task_WorkOnCase";

    /** One demo user per group of docs/contract.md (test profile: password "demo"). */
    enum Actor {
        CPS_BORGOU("cps.borgou"),
        CPS_ALIBORI("cps.alibori"),
        DPAF("dpaf.agent"),
        SGM("sgm.signataire"),
        OFFE("offe.agent"),
        CABINET("cabinet.conseiller"),
        MANAGER("manager"),
        ANALYST("analyst"),
        ADMIN("admin");

        final String userId;

        Actor(String userId) {
            this.userId = userId;
        }

        String password() {
            return this == ADMIN ? "test-admin-password" : "demo";
        }
    }

    private final ProcessEngine engine;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    SecurityFixtures(ProcessEngine engine, String baseUrl) {
        this.engine = engine;
        this.baseUrl = baseUrl;
    }

    static BpmnModelInstance caseModel(String key) {
        return Bpmn.createExecutableProcess(key)
                .name("Dossier de test (sécurité)")
                .camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_CaseFiled")
                .userTask(CASE_TASK).name("Traiter le dossier")
                .camundaCandidateGroups("${candidateGroup}")
                .endEvent("EndEvent_CaseDone")
                .done();
    }

    void deployCaseProcess() {
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(CASE_PROCESS)
                .count() == 0) {
            engine.getRepositoryService().createDeployment().name("security-tests")
                    .addModelInstance(CASE_PROCESS + ".bpmn", caseModel(CASE_PROCESS)).deploy();
        }
    }

    /** Starts a case of the department (as the system, no authorization check), its task given to the CPS. */
    ProcessInstance startCase(String department) {
        engine.getIdentityService().clearAuthentication();
        return engine.getRuntimeService().startProcessInstanceByKey(CASE_PROCESS,
                "SEC-" + UUID.randomUUID(),
                Map.of(DepartmentAccessPlugin.DEPARTMENT_VARIABLE, department,
                        "candidateGroup", Groups.cps(department)));
    }

    String taskOf(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
    }

    /** Acts as the user (engine API), with the groups Camunda knows for them. */
    void authenticate(Actor actor) {
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(actor.userId).list()
                .stream().map(Group::getId).toList();
        engine.getIdentityService().setAuthentication(actor.userId, groups);
    }

    void clear() {
        engine.getIdentityService().clearAuthentication();
    }

    HttpResponse<String> get(Actor actor, String path) {
        return send(actor, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    HttpResponse<String> postJson(Actor actor, String path, String json) {
        return send(actor, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(Actor actor, String path) {
        return send(actor, HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** What Camunda Modeler sends: a multipart deployment with one BPMN file. */
    HttpResponse<String> deployLikeModeler(Actor actor, String processKey) {
        String boundary = "----masm" + UUID.randomUUID();
        String bpmn = Bpmn.convertToString(caseModel(processKey));
        String body = part(boundary, "deployment-name", null, "modeler-" + processKey)
                + part(boundary, "deployment-source", null, "Camunda Modeler")
                + part(boundary, "deploy-changed-only", null, "true")
                + part(boundary, "data", processKey + ".bpmn", bpmn)
                + "--" + boundary + "--\r\n";
        return send(actor, HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A multipart deployment of the given files (name → content), as Camunda Modeler sends it. */
    HttpResponse<String> deployFiles(Actor actor, String deploymentName, Map<String, String> files) {
        String boundary = "----masm" + UUID.randomUUID();
        StringBuilder body = new StringBuilder(part(boundary, "deployment-name", null, deploymentName))
                .append(part(boundary, "deployment-source", null, "Camunda Modeler"))
                .append(part(boundary, "deploy-changed-only", null, "true"));
        files.forEach((name, content) -> body.append(part(boundary, name, name, content)));
        body.append("--").append(boundary).append("--\r\n");
        return send(actor, HttpRequest.newBuilder(URI.create(baseUrl + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private static String part(String boundary, String name, String fileName, String content) {
        return "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
                + (fileName == null ? "" : "Content-Type: application/octet-stream\r\n")
                + "\r\n" + content + "\r\n";
    }

    HttpResponse<String> send(Actor actor, HttpRequest.Builder request) {
        if (actor != null) {
            request.header("Authorization", basic(actor.userId, actor.password()));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpClient client() {
        return http;
    }
}
