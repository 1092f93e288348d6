package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.conventions.DossierFiledEvent;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.reporting.regularisation.RegularisationVariables;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** OscRegularisation: dossier filed → ends; deadline → follow-up (reminded, ceased); already accredited; bad start. */
class OscRegularisationTests extends ReportingTestSupport {

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ReportingNotifications notifications;

    private ProcessInstance report(Map<String, Object> form) {
        processEngine.getIdentityService().setAuthentication("cps.borgou", List.of("cps-borgou"));
        try {
            return runtimeService.startProcessInstanceByKey(RegularisationVariables.PROCESS, form);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    private Map<String, Object> form(String name, String registration) {
        Map<String, Object> form = new HashMap<>();
        form.put("oscName", name);
        form.put("registrationNumber", registration);
        form.put("department", "BORGOU");
        form.put("contactName", "Mme Adjovi");
        form.put("email", "adjovi-" + UUID.randomUUID().toString().substring(0, 6) + "@osc.example.bj");
        form.put("observedActivity", "Distribution de kits scolaires à Parakou");
        return form;
    }

    private String status(ProcessInstance instance) {
        Long id = (Long) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("regularisationId").singleResult().getValue();
        return jdbc.queryForObject("select status from osc_regularisation where id = ?", String.class, id);
    }

    @Test
    void shouldRegisterTheOscInviteItAndEndWhenItFilesADossier() {
        String name = "Association Espoir " + UUID.randomUUID().toString().substring(0, 8);
        ProcessInstance instance = report(form(name, null));

        assertThat(instance).isWaitingAt("TimerEvent_FollowUpDue");
        Long partnerId = (Long) runtimeService.getVariable(instance.getId(), "partnerId");
        Partner partner = partnerRepository.findById(partnerId).orElseThrow();
        assertThat(partner.getName()).isEqualTo(name);
        assertThat(partner.getHeadOfficeDepartment()).isEqualTo("BORGOU");
        assertThat(partner.getCreatedBy()).isEqualTo("cps.borgou");
        assertThat(runtimeService.getVariable(instance.getId(), "partnerMatched")).isEqualTo(false);
        assertThat(runtimeService.getVariable(instance.getId(), "email")).isNull();
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getBusinessKey()).startsWith("REG-");
        List<ReportingNotifications.Notification> sent = notifications.ofPartner(partnerId);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).kind()).isEqualTo(ReportingNotifications.REGULARISATION_INVITATION);
        assertThat(sent.get(0).subject()).isEqualTo("Invitation : dépôt d'un dossier de convention auprès du CPS Borgou");

        transactions.executeWithoutResult(tx -> events.publishEvent(new DossierFiledEvent(partnerId, "DOS-TEST-1")));

        assertThat(instance).isEnded().hasPassed("EndEvent_OscRegularised");
        assertThat(status(instance)).isEqualTo("REGULARISED");
    }

    @Test
    void shouldFollowUpAfterTheDeadlineThenRemindAndCloseWhenTheOscCeased() {
        Partner known = osc("BORGOU");
        ProcessInstance instance = report(form("nom saisi autrement", known.getRegistrationNumber()));
        assertThat(runtimeService.getVariable(instance.getId(), "partnerId")).isEqualTo(known.getId());
        assertThat(runtimeService.getVariable(instance.getId(), "partnerMatched")).isEqualTo(true);

        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(java.util.Date.from(LocalDateTime.now().plusDays(59).atZone(BENIN).toInstant()));
        managementService.executeJob(timer.getId());
        Task followUp = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(followUp.getTaskDefinitionKey()).isEqualTo(RegularisationVariables.TASK_FOLLOW_UP);
        assertThat(followUp).hasCandidateGroup("cps-borgou");

        assertThatThrownBy(() -> taskService.complete(followUp.getId(), Map.of("followUpOutcome", "CEASED")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Décrivez ce qui a été constaté");
        taskService.complete(followUp.getId(), Map.of("followUpOutcome", "REMINDED"));
        assertThat(instance).isWaitingAt("TimerEvent_FollowUpDue");
        assertThat(notifications.ofPartner(known.getId())).extracting(ReportingNotifications.Notification::subject)
                .containsExactly("Invitation : dépôt d'un dossier de convention auprès du CPS Borgou",
                        "Relance : dépôt d'un dossier de convention auprès du CPS Borgou");

        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult().getId());
        Task second = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        taskService.complete(second.getId(), Map.of("followUpOutcome", "CEASED", "followUpNotes", "Bureau fermé depuis deux mois"));
        assertThat(instance).isEnded().hasPassed("EndEvent_ActivityCeased");
        assertThat(status(instance)).isEqualTo("CEASED");
    }

    @Test
    void shouldEndAtOnceForAnOscAlreadyUnderConvention() {
        Partner accredited = osc("BORGOU");
        convention(accredited, "BORGOU", LocalDate.now().minusMonths(1), 24, ConventionStatus.ACTIVE);
        ProcessInstance instance = report(form(accredited.getName(), null));
        assertThat(instance).isEnded().hasPassed("EndEvent_AlreadyAccredited");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(status(instance)).isEqualTo("ALREADY_ACCREDITED");
        assertThat(notifications.ofPartner(accredited.getId())).isEmpty();
    }

    @Test
    void shouldRefuseAReportWithoutNameOrOutsideTheClerksDepartment() {
        long partnersBefore = partnerRepository.count();
        Map<String, Object> noName = form(" ", null);
        assertThatThrownBy(() -> report(noName)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Le nom de l'OSC est obligatoire");
        Map<String, Object> elsewhere = form("OSC ailleurs " + UUID.randomUUID(), null);
        elsewhere.put("department", "ZOU");
        assertThatThrownBy(() -> report(elsewhere)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("dans le département de votre CPS");
        assertThat(partnerRepository.count()).isEqualTo(partnersBefore);
    }
}
