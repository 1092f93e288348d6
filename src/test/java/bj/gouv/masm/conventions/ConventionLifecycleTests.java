package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Every path of ConventionLifecycle, on the real engine and database. */
@RecordApplicationEvents
class ConventionLifecycleTests extends LifecycleTestSupport {

    @Autowired
    ApplicationEvents events;
    @Autowired
    bj.gouv.masm.reporting.AccreditationRevocationService revocations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRunAnOscDossierFromFilingToExpiry() {
        today(LocalDate.of(2026, 3, 2));
        Partner partner = osc("BORGOU");

        ProcessInstance instance = start(partner);

        assertThat(instance).isStarted().isWaitingAt(TASK_CHECK_DOSSIER);
        assertThat(instance.getBusinessKey()).matches("DOS-2026-\\d{4}");
        assertThat(runtimeService.getVariables(instance.getId())).containsEntry(PARTNER_ID, partner.getId())
                .containsEntry(PARTNER_KIND, "OSC").containsEntry(DEPARTMENT, "BORGOU")
                .containsEntry(CPS_GROUP, "cps-borgou").containsEntry(DOSSIER_REFERENCE, instance.getBusinessKey());
        assertThat(candidateGroups(instance, TASK_CHECK_DOSSIER)).containsExactly("cps-borgou");
        assertThat(events.stream(DossierFiledEvent.class))
                .contains(new DossierFiledEvent(partner.getId(), instance.getBusinessKey()));
        Map<String, Object> context = taskService.getVariablesLocal(task(instance, TASK_CHECK_DOSSIER).getId());
        assertThat(context.get("partnerName")).isEqualTo(partner.getName());
        assertThat(context.get("departmentLabel")).isEqualTo("Borgou");
        assertThat(context.get("requiredDocumentOptions").toString()).contains("STATUTES").contains("Statuts");

        complete(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS,
                List.of("REQUEST_LETTER", "STATUTES"), CHECK_COMMENT, "Dossier complet"));
        assertThat(instance).isWaitingAt(TASK_REVIEW_DOSSIER);
        assertThat(candidateGroups(instance, TASK_REVIEW_DOSSIER)).containsExactly("dpaf");
        assertThat(taskService.getVariablesLocal(task(instance, TASK_REVIEW_DOSSIER).getId()).get("previousOpinions"))
                .asString().contains("Dossier complet");

        complete(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "FAVOURABLE", REVIEW_COMMENT, "Bon dossier"));
        assertThat(instance).isWaitingAt(TASK_SIGN_CONVENTION);
        assertThat(candidateGroups(instance, TASK_SIGN_CONVENTION)).containsExactly("sgm");

        LocalDate signedOn = LocalDate.of(2026, 3, 2);
        complete(instance, TASK_SIGN_CONVENTION, signature(signedOn, 12));
        String number = conventionNumber(instance);
        assertThat(number).matches("CONV-2026-\\d{4}");
        Convention convention = conventionService.get(number);
        assertThat(convention.getStatus()).isEqualTo(ConventionStatus.ACTIVE);
        assertThat(convention.getPartnerId()).isEqualTo(partner.getId());
        assertThat(convention.getDepartment()).isEqualTo("BORGOU");
        assertThat(convention.getDossierReference()).isEqualTo(instance.getBusinessKey());
        assertThat(convention.getStartDate()).isEqualTo(signedOn);
        assertThat(convention.getEndDate()).isEqualTo(LocalDate.of(2027, 3, 2));
        assertThat(convention.getMidTermDate()).isEqualTo(LocalDate.of(2026, 9, 2));
        assertThat(convention.getFinalEvaluationDate()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(convention.getObligations()).isEqualTo("Obligations réciproques");
        assertThat(convention.getDomains()).containsExactly("CHILD_PROTECTION");
        assertThat(dossierOf(instance).getStatus()).isEqualTo(DossierStatus.SIGNED);
        // the texts live in our table, not in the process
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKeys(OBLIGATIONS, ACCOUNTABILITY);

        // timers, in order, at their dates
        assertThat(instance).isWaitingAt("TimerEvent_MidTermDue");
        assertThat(timer(instance, "TimerEvent_MidTermDue").getDuedate()).isEqualTo(startOfDay(LocalDate.of(2026, 9, 2)));
        fire(instance, "TimerEvent_MidTermDue");
        assertThat(instance).isWaitingAt(TASK_EVALUATE_MID_TERM);
        assertThat(candidateGroups(instance, TASK_EVALUATE_MID_TERM)).containsExactly("dpaf");
        complete(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "AT_RISK",
                MID_TERM_RECOMMENDATIONS, "Renforcer le suivi"));

        assertThat(timer(instance, "TimerEvent_FinalEvaluationDue").getDuedate())
                .isEqualTo(startOfDay(LocalDate.of(2026, 12, 2)));
        fire(instance, "TimerEvent_FinalEvaluationDue");
        assertThat(instance).isWaitingAt(TASK_EVALUATE_FINAL);
        complete(instance, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "ACHIEVED", RENEWAL_REQUESTED, false));
        assertThat(runtimeService.getVariable(instance.getId(), RENEWAL)).isEqualTo(false);

        assertThat(timer(instance, "TimerEvent_ConventionEnds").getDuedate()).isEqualTo(startOfDay(LocalDate.of(2027, 3, 2)));
        fire(instance, "TimerEvent_ConventionEnds");
        assertThat(instance).isWaitingAt(TASK_RECORD_SYNTHESIS_REPORT);
        complete(instance, TASK_RECORD_SYNTHESIS_REPORT, vars(SYNTHESIS_RECEIVED_ON, startOfDay(LocalDate.of(2027, 3, 2)),
                SYNTHESIS_WORK_SUMMARY, "Travaux menés", SYNTHESIS_ASSESSMENT, "Bilan positif"));

        assertThat(instance).isEnded().hasPassed("EndEvent_ConventionExpired");
        assertThat(conventionService.get(number).getStatus()).isEqualTo(ConventionStatus.EXPIRED);
        assertThat(conventionService.historyOf(number)).extracting(StatusChange::getToStatus)
                .containsExactly("ACTIVE", "EXPIRED");
        assertThat(conventionService.evaluationsOf(number)).extracting(ConventionEvaluation::getKind, ConventionEvaluation::getRating)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MID_TERM", "AT_RISK"),
                        org.assertj.core.groups.Tuple.tuple("FINAL", "ACHIEVED"));
        assertThat(dossierService.historyOf(instance.getBusinessKey())).extracting(StatusChange::getToStatus)
                .containsExactly("FILED", "UNDER_REVIEW", "ACCEPTED", "SIGNED");
        assertThat(dossierOf(instance).getReceivedDocuments()).containsExactlyInAnyOrder("REQUEST_LETTER", "STATUTES");
    }

    @Test
    void shouldSendAPtfDossierStraightToCentralReview() {
        Partner partner = ptf();

        ProcessInstance instance = start(partner);

        assertThat(instance).isWaitingAt(TASK_REVIEW_DOSSIER).hasNotPassed(TASK_CHECK_DOSSIER);
        assertThat(runtimeService.getVariable(instance.getId(), PARTNER_KIND)).isEqualTo("PTF");
        assertThat(runtimeService.getVariable(instance.getId(), DEPARTMENT)).isNull();
        assertThat(dossierOf(instance).getPartnerKind()).isEqualTo(PartnerKind.PTF);
        // the PTF checklist comes from the reference table (PTF documents, no OSC statutes)
        String checklist = taskService.getVariablesLocal(task(instance, TASK_REVIEW_DOSSIER).getId())
                .get("requiredDocumentOptions").toString();
        assertThat(checklist).contains("HOST_AGREEMENT").doesNotContain("STATUTES");
    }

    @Test
    void shouldStartFromTheRegistrationNumberOrNameTypedInTheStartForm() {
        Partner partner = osc("ZOU");

        ProcessInstance byNumber = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                Map.of(PARTNER_QUERY, partner.getRegistrationNumber()));
        ProcessInstance byName = runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                Map.of(PARTNER_QUERY, "  " + partner.getName().toUpperCase() + " ", REQUESTED_AXES, List.of("AXIS_5"),
                        REQUESTED_DURATION_MONTHS, 24L));

        assertThat(runtimeService.getVariable(byNumber.getId(), PARTNER_ID)).isEqualTo(partner.getId());
        assertThat(runtimeService.getVariable(byName.getId(), PARTNER_ID)).isEqualTo(partner.getId());
        assertThat(runtimeService.getVariable(byName.getId(), CPS_GROUP)).isEqualTo("cps-zou");
        assertThat(runtimeService.getVariables(byName.getId())).doesNotContainKeys(PARTNER_QUERY, REQUESTED_AXES);
        Dossier dossier = dossierOf(byName);
        assertThat(dossier.getAxes()).containsExactly("AXIS_5");
        assertThat(dossier.getRequestedDurationMonths()).isEqualTo(24);
        assertThat(byNumber.getBusinessKey()).isNotEqualTo(byName.getBusinessKey());
    }

    @Test
    void shouldRefuseAnUnknownOrAmbiguousPartnerAndStartNothing() {
        String name = "Homonyme " + UUID.randomUUID();
        partner(PartnerKind.OSC, name, "MONO");
        partner(PartnerKind.PTF, name, null);
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();
        long dossiersBefore = dossierRepository.count();

        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(PARTNER_ID, -42L)))
                .isInstanceOf(LifecycleInputException.class).hasMessageContaining("Partenaire inconnu");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY,
                Map.of(PARTNER_QUERY, "Personne " + UUID.randomUUID())))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Partenaire introuvable");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(PARTNER_QUERY, name)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Plusieurs partenaires");
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of()))
                .hasMessageContaining("Indiquez le partenaire");

        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
                .isEqualTo(instancesBefore);
        assertThat(dossierRepository.count()).isEqualTo(dossiersBefore);
    }

    @Test
    void shouldReturnToTheCpsCheckWhenTheMissingDocumentsArrive() {
        today(LocalDate.of(2026, 4, 7));
        ProcessInstance instance = start(osc("BORGOU"));

        complete(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, "false", MISSING_DOCUMENTS, "Statuts signés",
                RECEIVED_DOCUMENTS, "[\"REQUEST_LETTER\"]"));

        assertThat(instance).isWaitingAt(TASK_RECEIVE_MISSING_DOCUMENTS);
        assertThat(candidateGroups(instance, TASK_RECEIVE_MISSING_DOCUMENTS)).containsExactly("cps-borgou");
        assertThat(dossierOf(instance).getStatus()).isEqualTo(DossierStatus.INCOMPLETE);
        assertThat(dossierOf(instance).getMissingDocuments()).isEqualTo("Statuts signés");
        assertThat(task(instance, TASK_RECEIVE_MISSING_DOCUMENTS).getDueDate())
                .isEqualTo(timer(instance, "BoundaryEvent_MissingDocumentsDeadline").getDuedate());

        complete(instance, TASK_RECEIVE_MISSING_DOCUMENTS, vars(RECEIVED_DOCUMENTS, List.of("REQUEST_LETTER", "STATUTES")));

        assertThat(instance).isWaitingAt(TASK_CHECK_DOSSIER);
        assertThat(timer(instance, "BoundaryEvent_MissingDocumentsDeadline")).isNull();
        assertThat(dossierService.historyOf(instance.getBusinessKey())).extracting(StatusChange::getToStatus)
                .containsExactly("FILED", "INCOMPLETE", "FILED");
        assertThat(dossierOf(instance).getReceivedDocuments()).containsExactlyInAnyOrder("REQUEST_LETTER", "STATUTES");
        // a fresh decision is asked for
        assertThat(runtimeService.getVariables(instance.getId())).doesNotContainKey(DOSSIER_COMPLETE);
    }

    @Test
    void shouldReturnToTheDpafReviewWhenTheMissingDocumentsArrive() {
        ProcessInstance oscInstance = start(osc("BORGOU"));
        complete(oscInstance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true));
        ProcessInstance ptfInstance = start(ptf());

        complete(oscInstance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "INCOMPLETE", REVIEW_COMMENT, "Budget manquant"));
        complete(ptfInstance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "INCOMPLETE", MISSING_DOCUMENTS, "Accord de siège"));

        // an OSC brings its documents to its CPS, a PTF to the DPAF
        assertThat(candidateGroups(oscInstance, TASK_RECEIVE_MISSING_DOCUMENTS)).containsExactly("cps-borgou");
        assertThat(candidateGroups(ptfInstance, TASK_RECEIVE_MISSING_DOCUMENTS)).containsExactly("dpaf");
        assertThat(dossierOf(ptfInstance).getMissingDocuments()).isEqualTo("Accord de siège");
        complete(oscInstance, TASK_RECEIVE_MISSING_DOCUMENTS, Map.of());
        complete(ptfInstance, TASK_RECEIVE_MISSING_DOCUMENTS, Map.of());

        assertThat(oscInstance).isWaitingAt(TASK_REVIEW_DOSSIER);
        assertThat(ptfInstance).isWaitingAt(TASK_REVIEW_DOSSIER);
        assertThat(dossierService.historyOf(oscInstance.getBusinessKey())).extracting(StatusChange::getToStatus)
                .containsExactly("FILED", "UNDER_REVIEW", "INCOMPLETE", "UNDER_REVIEW");
        assertThat(taskService.getVariablesLocal(task(oscInstance, TASK_REVIEW_DOSSIER).getId()).get("previousOpinions"))
                .asString().contains("Budget manquant");
    }

    @Test
    void shouldAbandonTheDossierWhenTheDeadlinePasses() {
        today(LocalDate.of(2026, 5, 4));
        ProcessInstance instance = start(osc("ALIBORI"));
        complete(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, false, MISSING_DOCUMENTS, "Rapport d'activités"));

        assertThat(timer(instance, "BoundaryEvent_MissingDocumentsDeadline").getDuedate())
                .isEqualTo(java.util.Date.from(LocalDate.of(2026, 6, 3).atTime(9, 0).atZone(ZONE).toInstant()));
        fire(instance, "BoundaryEvent_MissingDocumentsDeadline");

        assertThat(instance).isEnded().hasPassed("EndEvent_DossierAbandoned");
        Dossier dossier = dossierOf(instance);
        assertThat(dossier.getStatus()).isEqualTo(DossierStatus.ABANDONED);
        assertThat(dossier.getClosingReason()).contains("délai");
        assertThat(dossierService.historyOf(dossier.getReference())).last()
                .satisfies(h -> assertThat(h.getChangedBy()).isEqualTo("system"));
    }

    @Test
    void shouldRejectAnUnfavourableDossierAndKeepTheReason() {
        ProcessInstance instance = start(ptf());
        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));

        complete(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "UNFAVOURABLE",
                REVIEW_COMMENT, "Hors du champ de compétence du Ministère"));
        processEngine.getIdentityService().clearAuthentication();

        assertThat(instance).isEnded().hasPassed("EndEvent_DossierRejected").hasNotPassed(TASK_SIGN_CONVENTION);
        Dossier dossier = dossierOf(instance);
        assertThat(dossier.getStatus()).isEqualTo(DossierStatus.REJECTED);
        assertThat(dossier.getClosingReason()).isEqualTo("Hors du champ de compétence du Ministère");
        assertThat(dossierService.historyOf(dossier.getReference())).last().satisfies(h -> {
            assertThat(h.getToStatus()).isEqualTo("REJECTED");
            assertThat(h.getChangedBy()).isEqualTo("dpaf.agent");
            assertThat(h.getReason()).isEqualTo("Hors du champ de compétence du Ministère");
        });
    }

    @Test
    void shouldRenewAConventionThroughASuccessorSignedAgain() {
        today(LocalDate.of(2026, 1, 15));
        Partner partner = osc("PLATEAU");
        ProcessInstance first = signed(partner, LocalDate.of(2026, 1, 15), 24);
        String oldNumber = conventionNumber(first);
        fire(first, "TimerEvent_MidTermDue");
        complete(first, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "ON_TRACK"));
        fire(first, "TimerEvent_FinalEvaluationDue");

        complete(first, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "PARTIALLY_ACHIEVED", RENEWAL_REQUESTED, "true"));

        assertThat(runtimeService.getVariable(first.getId(), RENEWAL)).isEqualTo(true);
        assertThat(first).isWaitingAt("Gateway_AwaitEnd").hasPassed("ServiceTask_RequestRenewal");
        Dossier renewalDossier = dossierRepository.findByRenewalOf(oldNumber).get(0);
        ProcessInstance successor = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(renewalDossier.getReference()).singleResult();
        assertThat(successor).isWaitingAt(TASK_SIGN_CONVENTION);
        assertThat(runtimeService.getVariables(successor.getId())).containsEntry(RENEWAL_OF, oldNumber)
                .containsEntry(PARTNER_ID, partner.getId()).containsEntry(CPS_GROUP, "cps-plateau");
        assertThat(conventionService.get(oldNumber).getStatus()).isEqualTo(ConventionStatus.ACTIVE);

        today(LocalDate.of(2027, 10, 20));
        complete(successor, TASK_SIGN_CONVENTION, signature(LocalDate.of(2027, 10, 20), 36));

        String newNumber = conventionNumber(successor);
        assertThat(newNumber).isNotEqualTo(oldNumber).startsWith("CONV-2027-");
        Convention renewed = conventionService.get(newNumber);
        assertThat(renewed.getRenewalOf()).isEqualTo(oldNumber);
        assertThat(renewed.getStatus()).isEqualTo(ConventionStatus.ACTIVE);
        assertThat(renewed.getDossierReference()).isEqualTo(renewalDossier.getReference());
        assertThat(conventionService.get(oldNumber).getStatus()).isEqualTo(ConventionStatus.RENEWED);
        assertThat(conventionService.historyOf(oldNumber)).last()
                .satisfies(h -> assertThat(h.getReason()).contains(newNumber));
        assertThat(first).isEnded().hasPassed("EndEvent_ConventionRenewed").hasNotPassed("EndEvent_ConventionExpired");
        assertThat(successor).isWaitingAt("TimerEvent_MidTermDue");
    }

    @Test
    void shouldExpireARenewedConventionWhoseSuccessorIsSignedTooLate() {
        today(LocalDate.of(2026, 1, 15));
        ProcessInstance first = signed(osc("COUFFO"), LocalDate.of(2026, 1, 15), 6);
        String oldNumber = conventionNumber(first);
        fire(first, "TimerEvent_MidTermDue");
        complete(first, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "ON_TRACK"));
        fire(first, "TimerEvent_FinalEvaluationDue");
        complete(first, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "ACHIEVED", RENEWAL_REQUESTED, true));
        ProcessInstance successor = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
                dossierRepository.findByRenewalOf(oldNumber).get(0).getReference()).singleResult();

        fire(first, "TimerEvent_ConventionEnds");
        today(LocalDate.of(2026, 7, 20));
        complete(successor, TASK_SIGN_CONVENTION, signature(LocalDate.of(2026, 7, 20), 12));

        assertThat(first).hasPassed("ServiceTask_ExpireConvention").isWaitingAt(TASK_RECORD_SYNTHESIS_REPORT);
        assertThat(conventionService.get(oldNumber).getStatus()).isEqualTo(ConventionStatus.EXPIRED);
        assertThat(conventionService.get(conventionNumber(successor)).getRenewalOf()).isEqualTo(oldNumber);
    }

    @Test
    void shouldRevokeTheConventionAtAnyStageAfterSignature() {
        today(LocalDate.of(2026, 2, 1));
        ProcessInstance waitingMidTerm = signed(osc("BORGOU"), LocalDate.of(2026, 2, 1), 12);
        ProcessInstance atMidTermTask = signed(osc("BORGOU"), LocalDate.of(2026, 2, 1), 12);
        fire(atMidTermTask, "TimerEvent_MidTermDue");
        ProcessInstance awaitingEnd = signed(ptf(), LocalDate.of(2026, 2, 1), 12);
        fire(awaitingEnd, "TimerEvent_MidTermDue");
        complete(awaitingEnd, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "ON_TRACK"));
        fire(awaitingEnd, "TimerEvent_FinalEvaluationDue");
        complete(awaitingEnd, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "NOT_ACHIEVED", RENEWAL_REQUESTED, true));
        assertThat(awaitingEnd).isWaitingAt("Gateway_AwaitEnd");

        for (ProcessInstance instance : List.of(waitingMidTerm, atMidTermTask, awaitingEnd)) {
            String number = conventionNumber(instance);
            revocations.revoke(number, "Rapports trimestriels non remis");

            assertThat(instance).isEnded().hasPassed("EndEvent_ConventionRevoked");
            Convention convention = conventionService.get(number);
            assertThat(convention.getStatus()).isEqualTo(ConventionStatus.REVOKED);
            assertThat(convention.getClosedReason()).isEqualTo("Rapports trimestriels non remis");
            assertThat(conventionService.historyOf(number)).extracting(StatusChange::getToStatus)
                    .containsExactly("ACTIVE", "REVOKED");
        }
        assertThat(managementService.createJobQuery().processInstanceId(waitingMidTerm.getId()).count()).isZero();
    }

    @Test
    void shouldRevokeByMessageCorrelatedOnTheBusinessKeyAndCancelAPendingRenewal() {
        today(LocalDate.of(2026, 1, 15));
        ProcessInstance first = signed(osc("DONGA"), LocalDate.of(2026, 1, 15), 12);
        String number = conventionNumber(first);
        fire(first, "TimerEvent_MidTermDue");
        complete(first, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "ON_TRACK"));
        fire(first, "TimerEvent_FinalEvaluationDue");
        complete(first, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "ACHIEVED", RENEWAL_REQUESTED, true));
        Dossier renewal = dossierRepository.findByRenewalOf(number).get(0);

        runtimeService.createMessageCorrelation(MESSAGE_ACCREDITATION_REVOKED)
                .processInstanceBusinessKey(first.getBusinessKey()).correlate();

        assertThat(first).isEnded().hasPassed("EndEvent_ConventionRevoked");
        assertThat(conventionService.get(number).getStatus()).isEqualTo(ConventionStatus.REVOKED);
        assertThat(conventionService.get(number).getClosedReason()).isEqualTo("Agrément révoqué");
        assertThat(dossierService.get(renewal.getReference()).getStatus()).isEqualTo(DossierStatus.CANCELLED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(renewal.getReference()).count())
                .isZero();
    }

    @Test
    void shouldNotAcceptARevocationBeforeSignature() {
        ProcessInstance instance = start(ptf());

        assertThatThrownBy(() -> runtimeService.createMessageCorrelation(MESSAGE_ACCREDITATION_REVOKED)
                .processInstanceBusinessKey(instance.getBusinessKey()).correlate())
                .isInstanceOf(ProcessEngineException.class);
        assertThat(instance).isWaitingAt(TASK_REVIEW_DOSSIER);
    }

    private List<String> candidateGroups(ProcessInstance instance, String taskKey) {
        return taskService.getIdentityLinksForTask(task(instance, taskKey).getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }

    @Test
    void shouldOpenTheReviewChecklistWithWhatTheCheckRecordedWritingItOnlyWhenNeeded() {
        // Tasklist submits the checklist as JSON: the review opens with it, not written a second time
        ProcessInstance fromTasklist = start(osc("BORGOU"));
        complete(fromTasklist, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS,
                org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"STATUTES\",\"REQUEST_LETTER\"]").create()));
        assertThat(fromTasklist).isWaitingAt(TASK_REVIEW_DOSSIER);
        assertThat(receivedDocuments(fromTasklist)).isEqualTo("[\"STATUTES\",\"REQUEST_LETTER\"]");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(fromTasklist.getId())
                .variableUpdates().list().stream()
                .filter(d -> RECEIVED_DOCUMENTS.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                        .getVariableName())).count())
                .as("written when the check opened and when it was completed, not again for the review").isEqualTo(2);

        // an integrator's list (not JSON): the review's checklist gets the JSON list the form reads
        ProcessInstance fromIntegrator = start(osc("BORGOU"));
        complete(fromIntegrator, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS,
                List.of("STATUTES")));
        assertThat(runtimeService.getVariableTyped(fromIntegrator.getId(), RECEIVED_DOCUMENTS).getType().getName())
                .isEqualTo("json");
        assertThat(receivedDocuments(fromIntegrator)).isEqualTo("[\"STATUTES\"]");
    }

    private String receivedDocuments(ProcessInstance instance) {
        return runtimeService.getVariableTyped(instance.getId(), RECEIVED_DOCUMENTS).getValue().toString()
                .replace(" ", "");
    }
}
