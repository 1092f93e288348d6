package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.partners.Partner;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Approvals cannot be skipped: a CPS clerk over /engine-rest cannot start a case at a chosen step
 * (startInstructions), skip listeners or move a case; the registration of a convention checks the case's
 * history (DPAF opinion by a DPAF member, SGM signature by an SGM member), not the variables; a CPS files
 * and checks only its own department's dossiers.
 */
class ApprovalBypassTests extends LifecycleTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    IdentityService identityService;

    @AfterEach
    void clearUser() {
        identityService.clearAuthentication();
    }

    private HttpResponse<String> post(String user, String password, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> clerk(String path, String json) throws Exception {
        return post("cps.borgou", "demo", path, json);
    }

    private static String startBody(Partner partner, String activity, String extra) {
        return """
                {"variables": {"partnerId": {"value": %d, "type": "Long"},
                               "dossierReference": {"value": "DOS-FORGED", "type": "String"},
                               "reviewOpinion": {"value": "FAVOURABLE", "type": "String"},
                               "signedOn": {"value": "2026-01-05T09:00:00.000+0100", "type": "Date"},
                               "durationMonths": {"value": 24, "type": "Integer"}},
                 "startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}]%s}
                """.formatted(partner.getId(), activity, extra);
    }

    private long conventionsOf(Partner partner) {
        return conventionRepository.findAll().stream().filter(c -> partner.getId().equals(c.getPartnerId())).count();
    }

    @Test
    void shouldRefuseAClerksStartBeforeTheRegistrationOfTheConvention() throws Exception {
        Partner partner = osc("BORGOU");

        HttpResponse<String> response = clerk("/engine-rest/process-definition/key/ConventionLifecycle/start",
                startBody(partner, "ServiceTask_RegisterConvention", ""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("réservée aux administrateurs");
        assertThat(conventionsOf(partner)).isZero();
    }

    @Test
    void shouldRefuseAClerksStartAtTheCheckWithAnotherDepartmentsDossier() throws Exception {
        Partner elsewhere = osc("ALIBORI");

        HttpResponse<String> response = clerk("/engine-rest/process-definition/key/ConventionLifecycle/start",
                startBody(elsewhere, "Task_CheckDossier", ""));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .variableValueEquals(PARTNER_ID, elsewhere.getId()).count()).isZero();
    }

    @Test
    void shouldRefuseAClerksOrdinaryStartForAnotherDepartmentsPartner() throws Exception {
        Partner elsewhere = osc("ALIBORI");

        HttpResponse<String> response = clerk("/engine-rest/process-definition/key/ConventionLifecycle/start",
                "{\"variables\": {\"partnerId\": {\"value\": " + elsewhere.getId() + ", \"type\": \"Long\"}}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(JSON.readTree(response.body()).path("message").asText()).contains("CPS ALIBORI");
        assertThat(dossierRepository.findAll().stream().filter(d -> elsewhere.getId().equals(d.getPartnerId())).count())
                .isZero();
    }

    @Test
    void shouldLetAClerkStartAnOrdinaryCaseOfItsOwnDepartment() throws Exception {
        Partner own = osc("BORGOU");

        HttpResponse<String> response = clerk("/engine-rest/process-definition/key/ConventionLifecycle/start",
                "{\"variables\": {\"partnerId\": {\"value\": " + own.getId() + ", \"type\": \"Long\"}}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void shouldRefuseSkippingListenersOrMovingACaseToAClerk() throws Exception {
        Partner own = osc("BORGOU");
        ProcessInstance instance = start(own);

        HttpResponse<String> skip = clerk("/engine-rest/process-definition/key/ConventionLifecycle/start",
                startBody(own, "Task_CheckDossier", ", \"skipCustomListeners\": true, \"skipIoMappings\": true"));
        HttpResponse<String> modification = clerk("/engine-rest/process-instance/" + instance.getId() + "/modification",
                "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"ServiceTask_RegisterConvention\"}],"
                        + " \"skipCustomListeners\": true}");

        assertThat(skip.statusCode()).as(skip.body()).isEqualTo(403);
        assertThat(modification.statusCode()).as(modification.body()).isEqualTo(403);
        assertThat(conventionsOf(own)).isZero();
    }

    @Test
    void shouldLetTheApplicationItselfSkipListenersWhileAUserActs() {
        Partner own = osc("BORGOU");
        ProcessInstance instance = start(own);
        identityService.setAuthentication("dpaf.agent", List.of("dpaf"));
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                processEngine.getProcessEngineConfiguration();

        // as RevokeConventionDelegate does for a cancelled renewal, inside the user's command
        configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            runtimeService.deleteProcessInstance(instance.getId(), "Renouvellement annulé", true, true);
            return null;
        }));

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThatThrownBy(() -> runtimeService.deleteProcessInstance(start(own).getId(), "x", true, true))
                .as("asked by the user directly").hasMessageContaining("réservée aux administrateurs");
    }

    @Test
    void shouldRefuseTheRegistrationWithoutAnOpinionInTheCaseHistoryEvenForAnAdministrator() {
        Partner partner = osc("BORGOU");
        ProcessInstance instance = start(partner);
        identityService.setAuthentication("admin", List.of("camunda-admin"));

        assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(instance.getId())
                .startBeforeActivity("ServiceTask_RegisterConvention")
                .setVariables(signature(LocalDate.of(2026, 1, 5), 24))
                .setVariable(REVIEW_OPINION, "FAVOURABLE")
                .execute())
                .hasMessageContaining("Enregistrement de la convention refusé")
                .hasMessageContaining("aucun avis de la DPAF");
        assertThat(conventionsOf(partner)).isZero();
    }

    @Test
    void shouldRefuseTheRegistrationWhenTheOpinionWasGivenByANonMemberOfTheDpaf() {
        Partner partner = osc("BORGOU");
        ProcessInstance instance = start(partner);
        complete(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS, List.of("STATUTES")));
        // a user who is not in the DPAF, with a forged group list
        identityService.setAuthentication("cabinet.conseiller", List.of("dpaf"));
        complete(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "FAVOURABLE", REVIEW_COMMENT, "Avis forgé"));
        identityService.setAuthentication("sgm.signataire", List.of("sgm"));

        assertThatThrownBy(() -> complete(instance, TASK_SIGN_CONVENTION, signature(LocalDate.of(2026, 1, 5), 24)))
                .hasMessageContaining("« cabinet.conseiller », qui n'est pas membre de la DPAF");
        assertThat(conventionsOf(partner)).isZero();
    }

    @Test
    void shouldRegisterWhenTheDpafReviewedAndTheSgmSigned() {
        Partner partner = osc("BORGOU");
        ProcessInstance instance = start(partner);
        identityService.setAuthentication("cps.borgou", List.of("cps-borgou"));
        complete(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS, List.of("STATUTES")));
        identityService.setAuthentication("dpaf.agent", List.of("dpaf"));
        complete(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "FAVOURABLE", REVIEW_COMMENT, "Dossier solide"));
        identityService.setAuthentication("sgm.signataire", List.of("sgm"));

        complete(instance, TASK_SIGN_CONVENTION, signature(LocalDate.of(2026, 1, 5), 24));

        assertThat(conventionsOf(partner)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheCheckOfAnotherDepartmentsDossier() {
        Partner partner = osc("BORGOU");
        ProcessInstance instance = start(partner);
        // a clerk of Alibori handed Borgou's group (a forged group list): the engine lets the completion through
        identityService.setAuthentication("cps.alibori", List.of("cps-alibori", "cps-borgou"));

        assertThatThrownBy(() -> taskService.complete(task(instance, TASK_CHECK_DOSSIER).getId(),
                vars(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS, List.of("STATUTES"))))
                .hasMessageContaining("relève du CPS BORGOU");
    }
}
