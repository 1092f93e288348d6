package bj.gouv.masm.security;

import static bj.gouv.masm.security.SecurityFixtures.Actor.ADMIN;
import static bj.gouv.masm.security.SecurityFixtures.Actor.ANALYST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.shared.AuditEvent;
import bj.gouv.masm.shared.AuditEventRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployment guard, driven as an analyst deploying from Camunda Modeler (POST /engine-rest/deployment/create):
 * each kind of forbidden content answers 400 with a French message naming the file and the element, and
 * nothing is deployed; a legitimate change of a shipped model deploys; the engine's beans map refuses a
 * bean outside the allow-list even without the guard.
 */
class DeploymentGuardTests extends IntegrationTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ModelBeans modelBeans;

    @Autowired
    AuditEventRepository auditEvents;

    private SecurityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
    }

    private static String model(String key, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="Definitions_Guard" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" name="Test du garde" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Filed"/>
                    <bpmn:sequenceFlow id="SequenceFlow_In" sourceRef="StartEvent_Filed" targetRef="Task_Guarded"/>
                    %s
                    <bpmn:sequenceFlow id="SequenceFlow_Out" sourceRef="Task_Guarded" targetRef="EndEvent_Done"/>
                    <bpmn:endEvent id="EndEvent_Done"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, body);
    }

    /** Deploys as the analyst, expects 400 naming file and element, and checks nothing was deployed. */
    private String refused(String body, String... expected) throws Exception {
        return refusedAt("Task_Guarded", body, expected);
    }

    private String refusedAt(String element, String body, String... expected) throws Exception {
        String key = "GuardRefused_" + UUID.randomUUID().toString().substring(0, 8);
        String file = key + ".bpmn";
        HttpResponse<String> response = fx.deployFiles(ANALYST, "guard-" + key, Map.of(file, model(key, body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        String message = JSON.readTree(response.body()).path("message").asText();
        assertThat(message).startsWith("Déploiement refusé").contains("« " + file + " »").contains(element);
        for (String part : expected) {
            assertThat(message).contains(part);
        }
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count())
                .isZero();
        assertThat(processEngine.getRepositoryService().createDeploymentQuery().deploymentName("guard-" + key).count())
                .isZero();
        return message;
    }

    @Test
    void shouldRefuseAScriptTask() throws Exception {
        refused("""
                <bpmn:scriptTask id="Task_Guarded" name="Script" scriptFormat="javascript">
                  <bpmn:script>java.lang.System.exit(0)</bpmn:script>
                </bpmn:scriptTask>""", "tâche de script");
    }

    @Test
    void shouldRefuseAScriptListener() throws Exception {
        refused("""
                <bpmn:userTask id="Task_Guarded" name="Tâche" camunda:candidateGroups="dpaf">
                  <bpmn:extensionElements>
                    <camunda:taskListener event="create">
                      <camunda:script scriptFormat="groovy">println 'x'</camunda:script>
                    </camunda:taskListener>
                  </bpmn:extensionElements>
                </bpmn:userTask>""", "script d'écouteur de tâche");
    }

    @Test
    void shouldRefuseAScriptCondition() throws Exception {
        refusedAt("SequenceFlow_Scripted", """
                <bpmn:exclusiveGateway id="Task_Guarded" name="Choix" default="SequenceFlow_Out"/>
                <bpmn:sequenceFlow id="SequenceFlow_Scripted" sourceRef="Task_Guarded" targetRef="EndEvent_Done">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                </bpmn:sequenceFlow>""",
                "condition en script", "SequenceFlow_Scripted");
    }

    @Test
    void shouldRefuseAnInputOutputMappingScript() throws Exception {
        refused("""
                <bpmn:userTask id="Task_Guarded" name="Tâche" camunda:candidateGroups="dpaf">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:userTask>""", "script de paramètre d'entrée");
    }

    @Test
    void shouldRefuseAJavaClass() throws Exception {
        refused("<bpmn:serviceTask id=\"Task_Guarded\" name=\"Classe\" camunda:class=\"java.lang.Object\"/>",
                "classe Java « java.lang.Object »");
    }

    @Test
    void shouldRefuseAListenerClass() throws Exception {
        refused("""
                <bpmn:userTask id="Task_Guarded" name="Tâche" camunda:candidateGroups="dpaf">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start" class="java.lang.Object"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>""", "classe Java « java.lang.Object »");
    }

    @Test
    void shouldRefuseAnEmbeddedHtmlForm() throws Exception {
        refused("<bpmn:userTask id=\"Task_Guarded\" name=\"Tâche\" camunda:candidateGroups=\"dpaf\" "
                + "camunda:formKey=\"embedded:app:forms/prendre-le-controle.html\"/>", "camunda:formKey");
    }

    @Test
    void shouldRefuseAnExpressionReachingAnInternalBean() throws Exception {
        refused("<bpmn:serviceTask id=\"Task_Guarded\" name=\"Promotion\" "
                + "camunda:expression=\"${identityService.createMembership('analyst', 'camunda-admin')}\"/>",
                "« identityService »");
        assertThat(processEngine.getIdentityService().createUserQuery().userId("analyst")
                .memberOfGroup(Groups.ADMINS).count()).isZero();
    }

    @Test
    void shouldRefuseATypoInADelegateNameWithTheKnownDelegates() throws Exception {
        String message = refused("<bpmn:serviceTask id=\"Task_Guarded\" name=\"Enregistrer\" "
                + "camunda:delegateExpression=\"${registerConventionDelegat}\"/>",
                "« registerConventionDelegat » n'est pas un délégué connu",
                "vouliez-vous dire « registerConventionDelegate » ?");
        assertThat(message).contains("expireConventionDelegate", "reportingPeriods");
    }

    @Test
    void shouldRefuseAFormMissingFromTheDeployment() throws Exception {
        refused("<bpmn:userTask id=\"Task_Guarded\" name=\"Tâche\" camunda:candidateGroups=\"dpaf\" "
                + "camunda:formRef=\"security-form-never-deployed\" camunda:formRefBinding=\"deployment\"/>",
                "« security-form-never-deployed »");
    }

    @Test
    void shouldKeepVariablesAndExpressionFunctionsUsable() throws Exception {
        String key = "GuardAllowed_" + UUID.randomUUID().toString().substring(0, 8);
        String body = "<bpmn:userTask id=\"Task_Guarded\" name=\"Tâche\" "
                + "camunda:candidateGroups=\"${partnerKind == 'OSC' ? cpsGroup : 'dpaf'}\" "
                + "camunda:assignee=\"${currentUser()}\" camunda:dueDate=\"${dateTime().plusDays(3).toDate()}\" "
                + "camunda:followUpDate=\"${partner.name != null ? now() : now()}\">"
                + "<bpmn:extensionElements><camunda:taskListener event=\"create\" "
                + "delegateExpression=\"${prepareTaskContextListener}\"/></bpmn:extensionElements></bpmn:userTask>";
        HttpResponse<String> response = fx.deployFiles(ANALYST, "guard-" + key, Map.of(key + ".bpmn", model(key, body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void shouldDeployAnAnalystsTimerChangeOfAShippedModelAndCarryItsUnchangedForms() throws Exception {
        String shipped = Files.readString(Path.of("processes/QuarterlyReport.bpmn"));
        String key = "QuarterlyReportAnalystCopy" + UUID.randomUUID().toString().substring(0, 6);
        String changed = shipped.replace("id=\"QuarterlyReport\"", "id=\"" + key + "\"")
                .replace("afterQuarterEnd(quarter, 'P30D')", "afterQuarterEnd(quarter, 'P45D')");
        assertThat(changed).contains("'P45D'").contains(key);

        // like Camunda Modeler with "deploy changed only": the BPMN alone, its forms unchanged
        HttpResponse<String> response = fx.deployFiles(ANALYST, "analyst-change-" + key, Map.of(key + ".bpmn", changed));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode deployed = JSON.readTree(response.body());
        String deploymentId = deployed.path("id").asText();
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .count()).isEqualTo(1);
        List<String> resources = processEngine.getRepositoryService().getDeploymentResourceNames(deploymentId);
        assertThat(resources).as("the forms of its tasks travel with the new version")
                .anyMatch(name -> name.endsWith("reporting-record-quarterly-report.form"))
                .anyMatch(name -> name.endsWith("reporting-decide-revocation.form"));

        List<AuditEvent> audit = auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(
                DeploymentAudit.ENTITY, deploymentId);
        assertThat(audit).singleElement().satisfies(event -> {
            assertThat(event.getActor()).isEqualTo("analyst");
            assertThat(event.getAction()).isEqualTo("DEPLOYED");
            assertThat(event.getDetails()).contains(key + ".bpmn").contains("reporting-record-quarterly-report");
        });
    }

    @Test
    void shouldRecordTheStartupDeploymentAsTheSystem() {
        Deployment first = processEngine.getRepositoryService().createDeploymentQuery()
                .orderByDeploymentTime().asc().list().get(0);
        assertThat(auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(DeploymentAudit.ENTITY, first.getId()))
                .singleElement().satisfies(event -> assertThat(event.getActor()).isEqualTo("system"));
    }

    @Test
    void shouldAllowOnlyTheProcessPackagesBeansAndTheirHelpers() {
        assertThat(modelBeans.allowedBeans())
                .contains("registerConventionDelegate", "prepareTaskContextListener", "reportingPeriods",
                        "recommendationFollowUps", "reviewCalendarDepartments")
                .contains("conventionStatusService") // added by masm.models.extra-beans in the test configuration
                .doesNotContain("identityService", "runtimeService", "conventionService", "dataSource", "modelBeans");
    }

    @Test
    void shouldResolveOnlyAllowedBeansInExpressionsEvenWithoutTheGuard() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        JuelExpressionManager expressions = (JuelExpressionManager) configuration.getExpressionManager();
        ELContext context = expressions.createElContext(Variables.createVariables().putValue("partnerKind", "OSC")
                .asVariableContext());

        assertThat(expressions.createValueExpression("${reportingPeriods}").getValue(context)).isNotNull();
        assertThat(expressions.createValueExpression("${partnerKind}").getValue(context)).isEqualTo("OSC");
        for (String internal : List.of("identityService", "runtimeService", "applicationContext", "conventionService")) {
            assertThatThrownBy(() -> expressions.createValueExpression("${" + internal + "}").getValue(context))
                    .as(internal).hasMessageContaining(internal);
        }
    }

    @Test
    void shouldLetAnAdministratorDeleteButNotAnAnalystADeploymentLiveCasesUse() throws Exception {
        String key = "GuardLive_" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> deployed = fx.deployFiles(ANALYST, "guard-" + key, Map.of(key + ".bpmn", model(key,
                "<bpmn:userTask id=\"Task_Guarded\" name=\"Tâche\" camunda:candidateGroups=\"dpaf\"/>")));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deploymentId = JSON.readTree(deployed.body()).path("id").asText();
        processEngine.getRuntimeService().startProcessInstanceByKey(key);

        HttpResponse<String> analyst = fx.delete(ANALYST, "/engine-rest/deployment/" + deploymentId + "?cascade=true");
        assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(403);
        assertThat(JSON.readTree(analyst.body()).path("message").asText()).contains("1 dossier(s) en cours");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).count())
                .isEqualTo(1);

        HttpResponse<String> admin = fx.delete(ADMIN, "/engine-rest/deployment/" + deploymentId + "?cascade=true");
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(204);
    }

    @Test
    void shouldLetAnAnalystDeleteADeploymentNoCaseUses() throws Exception {
        String key = "GuardUnused_" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", model(key, "<bpmn:userTask id=\"Task_Guarded\" name=\"Tâche\" camunda:candidateGroups=\"dpaf\"/>"));
        HttpResponse<String> deployed = fx.deployFiles(ANALYST, "guard-" + key, files);
        String deploymentId = JSON.readTree(deployed.body()).path("id").asText();

        HttpResponse<String> analyst = fx.delete(ANALYST, "/engine-rest/deployment/" + deploymentId);
        assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(204);
    }
}
