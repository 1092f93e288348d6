package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.TASK_CHECK_DOSSIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A refused form reaches the clerk as its French message alone, and REST answers 400, not 500. */
class FormInputErrorsTests extends LifecycleTestSupport {

    @Autowired
    TestRestTemplate rest;

    @Test
    void shouldThrowTheFrenchRefusalItselfNotTheEnginesWrapper() {
        ProcessInstance instance = start(osc("BORGOU"));
        Task task = task(instance, TASK_CHECK_DOSSIER);

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of()))
                .isInstanceOf(LifecycleInputException.class)
                .hasMessageContaining("Le dossier est-il complet ?")
                .hasMessageNotContaining("ENGINE-");
    }

    @Test
    void shouldLogARefusedEntryOnOneInfoLineNotAsAServerError() {
        ProcessInstance instance = start(osc("BORGOU"));
        Task task = task(instance, TASK_CHECK_DOSSIER);
        ch.qos.logback.classic.Logger engineContext = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger("org.camunda.bpm.engine.context");
        ch.qos.logback.classic.Logger refusals = (ch.qos.logback.classic.Logger)
                org.slf4j.LoggerFactory.getLogger(bj.gouv.masm.shared.FormRefusalLogFilter.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
                new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        engineContext.addAppender(logged);
        refusals.addAppender(logged);
        try {
            assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of()))
                    .isInstanceOf(LifecycleInputException.class);
            // a real failure of a command keeps its ERROR
            assertThatThrownBy(() -> taskService.complete("tâche-inexistante", Map.of()))
                    .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class);
        } finally {
            engineContext.detachAppender(logged);
            refusals.detachAppender(logged);
        }

        assertThat(logged.list).noneMatch(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR
                && event.getFormattedMessage().contains("Le dossier est-il complet"));
        assertThat(logged.list).anyMatch(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR
                && event.getFormattedMessage().contains("tâche-inexistante"));
        assertThat(logged.list).anyMatch(event -> event.getLevel() == ch.qos.logback.classic.Level.INFO
                && event.getFormattedMessage().startsWith("Saisie refusée : ")
                && event.getFormattedMessage().contains("Le dossier est-il complet ?"));
    }

    @Test
    void shouldAnswer400WithTheFrenchMessageWhenTasklistSubmitsAnInvalidForm() {
        ProcessInstance instance = start(osc("BORGOU"));
        Task task = task(instance, TASK_CHECK_DOSSIER);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<Map> response = rest.withBasicAuth("cps.borgou", "demo").postForEntity(
                baseUrl() + "/engine-rest/task/" + task.getId() + "/submit-form",
                new HttpEntity<>("{\"variables\": {}}", headers), Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((String) response.getBody().get("message")).contains("Le dossier est-il complet ?")
                .doesNotContain("ENGINE-03051").doesNotContain("TaskListener");
        assertThat(instance).isWaitingAt(TASK_CHECK_DOSSIER);
    }

    @Test
    void shouldAnswer400WithTheFrenchMessageWhenAnIntegratorStartsWithAnUnknownPartner() {
        long instancesBefore = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(LifecycleVariables.PROCESS_KEY).count();
        long dossiersBefore = dossierRepository.count();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);

        ResponseEntity<Map> response = rest.withBasicAuth("dpaf.agent", "demo").postForEntity(
                baseUrl() + "/engine-rest/process-definition/key/ConventionLifecycle/start",
                new HttpEntity<>("{\"variables\": {\"partnerId\": {\"value\": 987654321, \"type\": \"Long\"}}}",
                        headers), Map.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((String) response.getBody().get("message"))
                .contains("Partenaire inconnu : aucun partenaire enregistré n'a l'identifiant 987654321");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LifecycleVariables.PROCESS_KEY)
                .count()).isEqualTo(instancesBefore);
        assertThat(dossierRepository.count()).isEqualTo(dossiersBefore);

        // a known partner still starts (201/200), so the filter only changes refusals
        ResponseEntity<Map> started = rest.withBasicAuth("dpaf.agent", "demo").postForEntity(
                baseUrl() + "/engine-rest/process-definition/key/ConventionLifecycle/start",
                new HttpEntity<>("{\"variables\": {\"partnerId\": {\"value\": " + ptf().getId()
                        + ", \"type\": \"Long\"}}}", headers), Map.class);
        assertThat(started.getStatusCode().value()).isEqualTo(200);
        assertThat((String) started.getBody().get("businessKey")).startsWith("DOS-");
    }
}
