package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** QuarterlyReport: on time, late, missed, sanctions (DMN), revocation confirmed/declined, recovery, form checks. */
class QuarterlyReportProcessTests extends ReportingTestSupport {

    @Autowired
    ReportingNotifications notifications;

    private Map<String, Object> receivedReport(String activitiesJson) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("reportReceived", true);
        vars.put("activitiesSummary", "Sensibilisation VBG dans trois arrondissements");
        vars.put("beneficiariesWomen", 120L);
        vars.put("beneficiariesGirls", 45L);
        vars.put("beneficiariesChildren", 0L);
        if (activitiesJson != null) {
            vars.put("activities", Spin.JSON(activitiesJson));
        }
        return vars;
    }

    private void uploadAllIndicators(String key) {
        ResponseEntity<Map> response = post("cps.borgou", "/api/reports/" + key + "/indicators",
                Map.of("values", completeIndicatorValues()), MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        assertThat(response.getBody().get("indicatorsReported")).isEqualTo(77);
    }

    @Test
    void shouldRecordAReportReceivedOnTimeWithItsActivities() {
        Convention convention = activeOscConvention(2042);
        Quarter q1 = new Quarter(2042, 1);
        openQuarter(q1);
        String key = key(convention, q1);
        Task task = task(key, ReportingVariables.TASK_RECORD_REPORT);
        assertThat(task).hasCandidateGroup("cps-borgou");
        assertThat(task.getDueDate()).isEqualTo(java.util.Date.from(
                LocalDate.of(2042, 4, 16).atStartOfDay(BENIN).toInstant()));
        uploadAllIndicators(key);
        assertThat(runtimeService.getVariable(processInstanceId(key), "indicatorsReported")).isEqualTo(77);

        setClock(LocalDateTime.of(2042, 4, 10, 9, 0));
        taskService.complete(task.getId(), receivedReport("""
                [{"department":"BORGOU","commune":"parakou","domain":"WOMEN_EMPOWERMENT_GBV","targetGroup":"WOMEN",
                  "description":"Causeries éducatives","startDate":"2042-02-01","endDate":"2042-03-15",
                  "budgetXof":1500000,"beneficiaries":120}]"""));

        QuarterlyReport report = report(key);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(report.getTimeliness()).isEqualTo(Timeliness.ON_TIME);
        assertThat(report.getBeneficiariesReached()).isEqualTo(165L);
        assertThat(report.getBeneficiariesByTargetGroup()).containsEntry("WOMEN", 120L).containsEntry("GIRLS", 45L);
        assertThat(report.getSanction()).isEqualTo(Sanction.NONE);
        assertThat(jdbc.queryForObject("select commune from report_activity where report_id = ?", String.class,
                report.getId())).isEqualTo("Parakou");
        assertThat(historicEnd(key)).isEqualTo("EndEvent_ReportAccepted");
    }

    @Test
    void shouldRecordALateReport() {
        Convention convention = activeOscConvention(2043);
        Quarter q1 = new Quarter(2043, 1);
        openQuarter(q1);
        String key = key(convention, q1);
        uploadAllIndicators(key);
        setClock(LocalDateTime.of(2043, 4, 20, 9, 0));
        taskService.complete(task(key, ReportingVariables.TASK_RECORD_REPORT).getId(), receivedReport(null));

        QuarterlyReport report = report(key);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(report.getTimeliness()).isEqualTo(Timeliness.LATE);
        assertThat(report.getSanction()).isEqualTo(Sanction.NONE);
        assertThat(historicEnd(key)).isEqualTo("EndEvent_ReportAccepted");
    }

    @Test
    void shouldWarnThePartnerAfterOneMissedQuarter() {
        Convention convention = activeOscConvention(2044);
        Quarter q1 = new Quarter(2044, 1);
        openQuarter(q1);
        String key = key(convention, q1);
        fireDeadline(key);

        QuarterlyReport report = report(key);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.MISSED);
        assertThat(report.getTimeliness()).isEqualTo(Timeliness.MISSED);
        assertThat(report.getConsecutiveMissed()).isEqualTo(1);
        assertThat(report.getSanction()).isEqualTo(Sanction.WARNING);
        assertThat(historicEnd(key)).isEqualTo("EndEvent_PartnerWarned");
        List<ReportingNotifications.Notification> sent = notifications.ofPartner(convention.getPartnerId());
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).recipient()).endsWith("@osc.example.bj");
        assertThat(sent.get(0).subject()).contains("2044-Q1").contains(convention.getNumber());
        assertThat(sent.get(0).body()).contains("nous n'avons pas reçu votre rapport trimestriel");
        assertThat(conventionRepository.findById(convention.getId()).orElseThrow().getStatus())
                .isEqualTo(ConventionStatus.ACTIVE);
    }

    @Test
    void shouldProposeRevocationAfterTwoMissedQuartersAndRevokeWhenConfirmed() {
        Convention convention = activeOscConvention(2045);
        Quarter q1 = new Quarter(2045, 1);
        Quarter q2 = new Quarter(2045, 2);
        openQuarter(q1);
        fireDeadline(key(convention, q1));
        openQuarter(q2);
        String key = key(convention, q2);
        fireDeadline(key);

        assertThat(report(key).getSanction()).isEqualTo(Sanction.REVOCATION_PROPOSED);
        Task decide = task(key, ReportingVariables.TASK_DECIDE_REVOCATION);
        assertThat(decide).hasCandidateGroup("dpaf");
        assertThat(decide.getName()).isEqualTo("Décider du retrait de l'agrément");
        assertThat((String) taskService.getVariable(decide.getId(), "missedQuarters"))
                .isEqualTo("2045-Q1 (manqué), 2045-Q2 (manqué)");

        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
        taskService.complete(decide.getId(), Map.of("revocationConfirmed", true));
        processEngine.getIdentityService().clearAuthentication();

        assertThat(conventionRepository.findById(convention.getId()).orElseThrow().getStatus())
                .isEqualTo(ConventionStatus.REVOKED);
        assertThat(statusChanges(convention)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select changed_by from convention_status_change where convention_id = ?",
                String.class, convention.getId())).isEqualTo("dpaf.agent");
        QuarterlyReport report = report(key);
        assertThat(report.getRevocationDecision()).isEqualTo("CONFIRMED");
        assertThat(report.getDecidedBy()).isEqualTo("dpaf.agent");
        assertThat(historicEnd(key)).isEqualTo("EndEvent_AccreditationRevoked");

        // a revoked convention reports no more
        QuarterOpeningService.OpeningResult q3 = openQuarter(new Quarter(2045, 3));
        assertThat(q3.opened()).noneMatch(k -> k.startsWith(convention.getNumber()));
    }

    @Test
    void shouldRecordADeclinedRevocationWithItsReason() {
        Convention convention = activeOscConvention(2046);
        openQuarter(new Quarter(2046, 1));
        fireDeadline(key(convention, new Quarter(2046, 1)));
        openQuarter(new Quarter(2046, 2));
        String key = key(convention, new Quarter(2046, 2));
        fireDeadline(key);
        Task decide = task(key, ReportingVariables.TASK_DECIDE_REVOCATION);

        assertThatThrownBy(() -> taskService.complete(decide.getId(), Map.of("revocationConfirmed", false)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Le motif est obligatoire");
        assertThat(task(key, ReportingVariables.TASK_DECIDE_REVOCATION)).isNotNull();
        assertThat(report(key).getRevocationDecision()).isNull();

        taskService.complete(decide.getId(), Map.of("revocationConfirmed", false,
                "revocationReason", "Rapports remis en main propre au CPS, saisie en cours"));
        QuarterlyReport report = report(key);
        assertThat(report.getRevocationDecision()).isEqualTo("DECLINED");
        assertThat(report.getRevocationReason()).isEqualTo("Rapports remis en main propre au CPS, saisie en cours");
        assertThat(conventionRepository.findById(convention.getId()).orElseThrow().getStatus())
                .isEqualTo(ConventionStatus.ACTIVE);
        assertThat(statusChanges(convention)).isZero();
        assertThat(historicEnd(key)).isEqualTo("EndEvent_RevocationDeclined");
    }

    @Test
    void shouldResetTheCountWhenAMissedQuarterIsFollowedByAReportOnTime() {
        Convention convention = activeOscConvention(2047);
        openQuarter(new Quarter(2047, 1));
        fireDeadline(key(convention, new Quarter(2047, 1)));
        assertThat(report(key(convention, new Quarter(2047, 1))).getSanction()).isEqualTo(Sanction.WARNING);

        openQuarter(new Quarter(2047, 2));
        String q2 = key(convention, new Quarter(2047, 2));
        uploadAllIndicators(q2);
        taskService.complete(task(q2, ReportingVariables.TASK_RECORD_REPORT).getId(), receivedReport(null));
        assertThat(report(q2).getTimeliness()).isEqualTo(Timeliness.ON_TIME);
        assertThat(report(q2).getConsecutiveMissed()).isZero();
        assertThat(report(q2).getSanction()).isEqualTo(Sanction.NONE);

        openQuarter(new Quarter(2047, 3));
        String q3 = key(convention, new Quarter(2047, 3));
        fireDeadline(q3);
        assertThat(report(q3).getConsecutiveMissed()).isEqualTo(1);
        assertThat(report(q3).getSanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void shouldProposeRevocationAfterTwoQuartersWithIncompleteIndicators() {
        Convention convention = activeOscConvention(2048);
        for (int q = 1; q <= 2; q++) {
            Quarter quarter = new Quarter(2048, q);
            openQuarter(quarter);
            String key = key(convention, quarter);
            post("cps.borgou", "/api/reports/" + key + "/indicators", "code;value\nSIDOFFE-01;10\nSIDOFFE-02;4\n",
                    MediaType.valueOf("text/csv"));
            taskService.complete(task(key, ReportingVariables.TASK_RECORD_REPORT).getId(), receivedReport(null));
            assertThat(report(key).getIndicatorsReported()).isEqualTo(2);
        }
        assertThat(report(key(convention, new Quarter(2048, 1))).getSanction()).isEqualTo(Sanction.WARNING);
        String key = key(convention, new Quarter(2048, 2));
        assertThat(report(key).getConsecutiveIncomplete()).isEqualTo(2);
        assertThat(report(key).getSanction()).isEqualTo(Sanction.REVOCATION_PROPOSED);
        assertThat(task(key, ReportingVariables.TASK_DECIDE_REVOCATION)).isNotNull();
    }

    @Test
    void shouldRefuseAnInvalidReportAndKeepTheTaskOpen() {
        Convention convention = activeOscConvention(2049);
        Quarter q1 = new Quarter(2049, 1);
        openQuarter(q1);
        String key = key(convention, q1);
        String taskId = task(key, ReportingVariables.TASK_RECORD_REPORT).getId();

        Map<String, Object> noSummary = receivedReport(null);
        noSummary.remove("activitiesSummary");
        assertThatThrownBy(() -> taskService.complete(taskId, noSummary))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Résumez les activités");

        assertThatThrownBy(() -> taskService.complete(taskId, receivedReport("""
                [{"department":"BORGOU","commune":"Cotonou","domain":"CHILD_PROTECTION","targetGroup":"CHILDREN",
                  "description":"Appui scolaire","startDate":"2049-02-01","endDate":"2049-02-10","budgetXof":10000}]""")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("la commune « Cotonou » n'appartient pas au département BORGOU");

        Map<String, Object> noAnswer = new HashMap<>();
        assertThatThrownBy(() -> taskService.complete(taskId, noAnswer))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Indiquez si le rapport");

        assertThat(task(key, ReportingVariables.TASK_RECORD_REPORT)).isNotNull();
        QuarterlyReport report = report(key);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.OPEN);
        assertThat(jdbc.queryForObject("select count(*) from report_activity where report_id = ?", Integer.class,
                report.getId())).isZero();

        // the clerk declares that no report came: the quarter is missed at once
        taskService.complete(taskId, Map.of("reportReceived", false));
        assertThat(report(key).getTimeliness()).isEqualTo(Timeliness.MISSED);
        assertThat(report(key).getSanction()).isEqualTo(Sanction.WARNING);
    }

    private String historicEnd(String businessKey) {
        var instance = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).singleResult();
        assertThat(instance.getEndTime()).as("process ended").isNotNull();
        return instance.getEndActivityId();
    }
}
