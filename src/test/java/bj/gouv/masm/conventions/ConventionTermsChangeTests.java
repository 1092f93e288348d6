package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.conventions.ConventionTermsChangedEvent.Change;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.reporting.Quarter;
import bj.gouv.masm.reporting.QuarterOpeningService;
import bj.gouv.masm.reporting.QuarterlyReport;
import bj.gouv.masm.shared.AuditEventRepository;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Issue 11, item 6: DPAF (or an administrator) extends, suspends (and lifts the suspension of) and terminates a
 * convention in force over the API, each with a required reason; recorded in the status history and the audit
 * trail, published as ConventionTermsChangedEvent and visible in Cockpit as an event of the lifecycle instance.
 */
@RecordApplicationEvents
class ConventionTermsChangeTests extends LifecycleTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ConventionTermsService terms;
    @Autowired
    QuarterOpeningService quarterOpening;
    @Autowired
    AuditEventRepository auditEvents;

    @Test
    @SuppressWarnings("unchecked")
    void shouldExtendAConventionAndMoveItsPendingFinalEvaluationAndExpiryTimers() {
        today(LocalDate.of(2026, 1, 10));
        ProcessInstance instance = signed(osc("BORGOU"), LocalDate.of(2026, 1, 10), 12);
        String number = conventionNumber(instance);

        ResponseEntity<Map> answer = post("dpaf.agent", number, "extension",
                "{\"newEndDate\": \"2027-07-10\", \"reason\": \"Avenant n° 1 : prorogée d'un commun accord\"}");

        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("endDate", "2027-07-10").containsEntry("finalEvaluationDate", "2027-04-10")
                .containsEntry("status", "ACTIVE");
        assertThat((List<Map<String, Object>>) answer.getBody().get("statusHistory")).last().satisfies(line -> {
            assertThat(line).containsEntry("from", "ACTIVE").containsEntry("to", "ACTIVE").containsEntry("changedBy", "dpaf.agent");
            assertThat((String) line.get("reason")).contains("10/01/2027").contains("10/07/2027").contains("Avenant n° 1");
        });
        assertThat(timer(instance, "TimerEvent_ConventionEnds").getDuedate()).isEqualTo(startOfDay(LocalDate.of(2027, 7, 10)));
        assertThat(auditEvents.findAll()).anySatisfy(e -> {
            assertThat(e.getEntityId()).isEqualTo(number);
            assertThat(e.getAction()).isEqualTo("EXTENDED");
        });
        // Cockpit: the extension is an activity of the instance, with its reason
        assertThat(instance).hasPassed("StartEvent_ConventionExtended", "EndEvent_ExtensionRecorded");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(TERMS_CHANGE_REASON).singleResult().getValue()).asString().contains("Avenant n° 1");

        // the final-evaluation timer, created later, falls on the moved date
        fire(instance, "TimerEvent_MidTermDue");
        complete(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "ON_TRACK"));
        assertThat(timer(instance, "TimerEvent_FinalEvaluationDue").getDuedate())
                .isEqualTo(startOfDay(LocalDate.of(2027, 4, 10)));

        // a second extension moves the pending final-evaluation timer itself
        assertThat(post("admin", number, "extension", "{\"newEndDate\": \"2027-10-10\", \"reason\": \"Avenant n° 2\"}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(timer(instance, "TimerEvent_FinalEvaluationDue").getDuedate())
                .isEqualTo(startOfDay(LocalDate.of(2027, 7, 10)));
        assertThat(timer(instance, "TimerEvent_ConventionEnds").getDuedate()).isEqualTo(startOfDay(LocalDate.of(2027, 10, 10)));
        fire(instance, "TimerEvent_ConventionEnds");
        assertThat(conventionService.get(number).getStatus()).isEqualTo(ConventionStatus.EXPIRED);
        assertThat(conventionService.historyOf(number)).last()
                .satisfies(h -> assertThat(h.getChangedAt().atZoneSameInstant(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2027, 10, 10)));
    }

    @Test
    void shouldRefuseBadExtensionsWithTheRightStatus() {
        today(LocalDate.of(2026, 1, 10));
        ProcessInstance instance = signed(osc("BORGOU"), LocalDate.of(2026, 1, 10), 6);
        String number = conventionNumber(instance);

        assertThat(post("dpaf.agent", number, "extension", "{\"newEndDate\": \"2027-01-10\"}").getStatusCode().value())
                .isEqualTo(400);
        ResponseEntity<Map> before = post("dpaf.agent", number, "extension",
                "{\"newEndDate\": \"2026-07-01\", \"reason\": \"x\"}");
        assertThat(before.getStatusCode().value()).isEqualTo(400);
        assertThat((String) before.getBody().get("message")).contains("postérieure à la date de fin actuelle");
        assertThat(post("dpaf.agent", number, "extension", "{\"newEndDate\": \"10/01/2027\", \"reason\": \"x\"}")
                .getStatusCode().value()).isEqualTo(400);
        for (String user : List.of("cps.borgou", "manager", "sgm.signataire", "analyst")) {
            assertThat(post(user, number, "extension", "{\"newEndDate\": \"2027-01-10\", \"reason\": \"x\"}")
                    .getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(post(user, number, "termination", "{\"reason\": \"x\"}").getStatusCode().value()).as(user)
                    .isEqualTo(403);
        }
        assertThat(post("dpaf.agent", "CONV-1999-0001", "extension", "{\"newEndDate\": \"2027-01-10\", \"reason\": \"x\"}")
                .getStatusCode().value()).isEqualTo(404);

        fire(instance, "TimerEvent_ConventionEnds");
        ResponseEntity<Map> expired = post("dpaf.agent", number, "extension",
                "{\"newEndDate\": \"2027-01-10\", \"reason\": \"Trop tard\"}");
        assertThat(expired.getStatusCode().value()).isEqualTo(409);
        assertThat((String) expired.getBody().get("message")).contains("expirée");
        assertThat(post("dpaf.agent", number, "suspension", "{\"reason\": \"x\"}").getStatusCode().value()).isEqualTo(409);
        assertThat(post("dpaf.agent", number, "termination", "{\"reason\": \"x\"}").getStatusCode().value()).isEqualTo(409);
        assertThat(conventionService.get(number).getEndDate()).isEqualTo(LocalDate.of(2026, 7, 10));
    }

    @Test
    void shouldSuspendAConventionSoThatItNeitherReportsNorGetsSupportUntilLifted() {
        today(LocalDate.of(2033, 1, 10));
        Partner suspendedPartner = osc("ATACORA");
        ProcessInstance suspended = signed(suspendedPartner, LocalDate.of(2033, 1, 10), 24);
        ProcessInstance control = signed(osc("ATACORA"), LocalDate.of(2033, 1, 10), 24);
        String number = conventionNumber(suspended);

        assertThat(post("dpaf.agent", number, "suspension", "{}").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map> answer = post("dpaf.agent", number, "suspension",
                "{\"reason\": \"Détournement présumé : audit en cours\"}");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("status", "SUSPENDED");
        assertThat(post("dpaf.agent", number, "suspension", "{\"reason\": \"encore\"}").getStatusCode().value())
                .isEqualTo(409);
        assertThat(suspended).hasPassed("StartEvent_ConventionSuspended");

        // no support from the CPS while suspended
        assertThat(support(suspendedPartner).getStatusCode().value()).isEqualTo(409);

        // no quarterly report opened for it; the control convention gets its report
        today(LocalDate.of(2033, 4, 2));
        QuarterOpeningService.OpeningResult first = quarterOpening.openQuarter(Quarter.parse("2033-Q1"));
        assertThat(first.opened()).contains(QuarterlyReport.businessKey(conventionNumber(control), Quarter.parse("2033-Q1")))
                .doesNotContain(QuarterlyReport.businessKey(number, Quarter.parse("2033-Q1")));

        ResponseEntity<Map> lifted = exchange("dpaf.agent", HttpMethod.DELETE, number, "suspension",
                "{\"reason\": \"Audit clos sans suite\"}");
        assertThat(lifted.getStatusCode().value()).isEqualTo(200);
        assertThat(lifted.getBody()).containsEntry("status", "ACTIVE");
        assertThat(exchange("dpaf.agent", HttpMethod.DELETE, number, "suspension", "{\"reason\": \"x\"}")
                .getStatusCode().value()).isEqualTo(409);
        assertThat(suspended).hasPassed("StartEvent_SuspensionLifted");
        assertThat(conventionService.historyOf(number)).extracting(StatusChange::getToStatus)
                .containsExactly("ACTIVE", "SUSPENDED", "ACTIVE");
        assertThat(conventionService.historyOf(number)).extracting(StatusChange::getReason)
                .contains("Détournement présumé : audit en cours", "Audit clos sans suite");
        assertThat(quarterOpening.openQuarter(Quarter.parse("2033-Q1")).opened())
                .contains(QuarterlyReport.businessKey(number, Quarter.parse("2033-Q1")));
        assertThat(support(suspendedPartner).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void shouldTerminateAConventionCancelItsEvaluationsAndAskForTheSynthesis() {
        today(LocalDate.of(2026, 3, 1));
        ProcessInstance instance = signed(osc("DONGA"), LocalDate.of(2026, 3, 1), 24);
        String number = conventionNumber(instance);
        fire(instance, "TimerEvent_MidTermDue");
        assertThat(instance).isWaitingAt(TASK_EVALUATE_MID_TERM);

        ResponseEntity<Map> answer = post("dpaf.agent", number, "termination",
                "{\"reason\": \"Résiliation d'un commun accord : fin du financement\"}");

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("status", "TERMINATED")
                .containsEntry("closedReason", "Résiliation d'un commun accord : fin du financement");
        assertThat(instance).isWaitingAt(TASK_RECORD_SYNTHESIS_REPORT).hasPassed("MessageEvent_ConventionTerminated",
                "EndEvent_EvaluationsCancelled");
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_EVALUATE_MID_TERM).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(post("dpaf.agent", number, "termination", "{\"reason\": \"encore\"}").getStatusCode().value())
                .isEqualTo(409);

        complete(instance, TASK_RECORD_SYNTHESIS_REPORT, vars(SYNTHESIS_RECEIVED_ON, "2027-02-15",
                SYNTHESIS_WORK_SUMMARY, "Activités menées jusqu'à la résiliation", SYNTHESIS_ASSESSMENT, "Bilan partiel"));
        assertThat(instance).isEnded().hasPassed("EndEvent_ConventionTerminated").hasNotPassed("EndEvent_ConventionExpired");
        assertThat(conventionService.get(number).getStatus()).isEqualTo(ConventionStatus.TERMINATED);
    }

    @Test
    void shouldPublishAnEventForEachChangeOfTerms() {
        today(LocalDate.of(2026, 6, 1));
        ProcessInstance instance = signed(ptf(), LocalDate.of(2026, 6, 1), 12);
        String number = conventionNumber(instance);
        Convention convention = conventionService.get(number);

        terms.extend(number, LocalDate.of(2027, 12, 1), "Avenant");
        terms.suspend(number, "Audit");
        terms.liftSuspension(number, "Audit clos");
        terms.terminate(number, "Fin anticipée");

        assertThat(events.stream(ConventionTermsChangedEvent.class)).containsExactly(
                new ConventionTermsChangedEvent(convention.getId(), number, convention.getPartnerId(), Change.EXTENDED,
                        LocalDate.of(2027, 12, 1), "Avenant"),
                new ConventionTermsChangedEvent(convention.getId(), number, convention.getPartnerId(), Change.SUSPENDED,
                        null, "Audit"),
                new ConventionTermsChangedEvent(convention.getId(), number, convention.getPartnerId(),
                        Change.SUSPENSION_LIFTED, null, "Audit clos"),
                new ConventionTermsChangedEvent(convention.getId(), number, convention.getPartnerId(), Change.TERMINATED,
                        null, "Fin anticipée"));
        List<String> activities = historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .list().stream().map(HistoricActivityInstance::getActivityId).toList();
        assertThat(activities).contains("StartEvent_ConventionExtended", "StartEvent_ConventionSuspended",
                "StartEvent_SuspensionLifted", "MessageEvent_ConventionTerminated");
    }

    private ResponseEntity<Map> support(Partner partner) {
        return rest.withBasicAuth("cps.atacora", "demo").postForEntity("/api/cps-support",
                json("{\"partnerId\": " + partner.getId() + ", \"department\": \"ATACORA\", \"supportType\": "
                        + "\"TECHNICAL\", \"description\": \"Appui\", \"providedOn\": \"2033-02-01\"}"), Map.class);
    }

    private ResponseEntity<Map> post(String user, String number, String action, String body) {
        return exchange(user, HttpMethod.POST, number, action, body);
    }

    private ResponseEntity<Map> exchange(String user, HttpMethod method, String number, String action, String body) {
        String password = "admin".equals(user) ? "test-admin-password" : "demo";
        return rest.withBasicAuth(user, password).exchange("/api/conventions/" + number + "/" + action, method,
                json(body), Map.class);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
