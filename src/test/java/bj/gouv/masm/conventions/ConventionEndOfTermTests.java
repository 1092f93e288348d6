package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, items 3 and 7: the convention expires on its end date whatever evaluation is still open (the
 * evaluation stays to be done), then the end-of-convention synthesis report is asked for (the OSC's CPS,
 * the DPAF for a PTF; due in 60 days), checked on the server and stored.
 */
class ConventionEndOfTermTests extends LifecycleTestSupport {

    @Test
    void shouldExpireOnTheEndDateWhileTheFinalEvaluationIsStillOpen() {
        today(LocalDate.of(2026, 1, 10));
        ProcessInstance instance = signed(osc("BORGOU"), LocalDate.of(2026, 1, 10), 12);
        String number = conventionNumber(instance);
        fire(instance, "TimerEvent_MidTermDue");
        complete(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "ON_TRACK"));
        fire(instance, "TimerEvent_FinalEvaluationDue");
        Task finalEvaluation = task(instance, TASK_EVALUATE_FINAL);

        // the DPAF is late: the end date comes, on the engine's clock, with the final evaluation still open
        assertThat(timer(instance, "TimerEvent_ConventionEnds").getDuedate())
                .isEqualTo(startOfDay(LocalDate.of(2027, 1, 10)));
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2027, 1, 10).atTime(0, 5).atZone(ZONE).toInstant()));
        managementService.executeJob(timer(instance, "TimerEvent_ConventionEnds").getId());

        Convention convention = conventionService.get(number);
        assertThat(convention.getStatus()).isEqualTo(ConventionStatus.EXPIRED);
        assertThat(conventionService.historyOf(number)).last().satisfies(h -> {
            assertThat(h.getToStatus()).isEqualTo("EXPIRED");
            assertThat(h.getChangedAt().atZoneSameInstant(ZONE).toLocalDate()).isEqualTo(LocalDate.of(2027, 1, 10));
        });
        assertThat(instance).hasPassed("ServiceTask_ExpireConvention").isWaitingAt(TASK_EVALUATE_FINAL,
                TASK_RECORD_SYNTHESIS_REPORT);
        assertThat(task(instance, TASK_EVALUATE_FINAL).getId()).isEqualTo(finalEvaluation.getId());

        // the late evaluation is still done afterwards; the convention stays expired
        complete(instance, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "ACHIEVED", RENEWAL_REQUESTED, false));
        assertThat(conventionService.get(number).getStatus()).isEqualTo(ConventionStatus.EXPIRED);
        assertThat(conventionService.evaluationsOf(number)).extracting(ConventionEvaluation::getKind)
                .containsExactly("MID_TERM", "FINAL");
        assertThat(instance).isWaitingAt(TASK_RECORD_SYNTHESIS_REPORT);
    }

    @Test
    void shouldExpireEvenBeforeTheMidTermEvaluationIsDone() {
        today(LocalDate.of(2026, 1, 10));
        ProcessInstance instance = signed(ptf(), LocalDate.of(2026, 1, 10), 6);
        fire(instance, "TimerEvent_MidTermDue");

        fire(instance, "TimerEvent_ConventionEnds");

        assertThat(conventionService.get(conventionNumber(instance)).getStatus()).isEqualTo(ConventionStatus.EXPIRED);
        assertThat(instance).isWaitingAt(TASK_EVALUATE_MID_TERM, TASK_RECORD_SYNTHESIS_REPORT);
        // a PTF's synthesis is recorded by the DPAF
        assertThat(candidateGroups(instance, TASK_RECORD_SYNTHESIS_REPORT)).containsExactly("dpaf");
    }

    @Test
    void shouldAskTheCpsForTheSynthesisReportAndStoreIt() {
        today(LocalDate.of(2026, 2, 2));
        ProcessInstance instance = signed(osc("ZOU"), LocalDate.of(2026, 2, 2), 6);
        String number = conventionNumber(instance);
        fire(instance, "TimerEvent_MidTermDue");
        complete(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "ON_TRACK"));
        fire(instance, "TimerEvent_FinalEvaluationDue");
        complete(instance, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "PARTIALLY_ACHIEVED", RENEWAL_REQUESTED, false));
        fire(instance, "TimerEvent_ConventionEnds");

        Task synthesis = task(instance, TASK_RECORD_SYNTHESIS_REPORT);
        assertThat(candidateGroups(instance, TASK_RECORD_SYNTHESIS_REPORT)).containsExactly("cps-zou");
        assertThat(synthesis.getDueDate()).isEqualTo(new Date(synthesis.getCreateTime().getTime() + 60L * 86_400_000));
        assertThat(taskService.getVariablesLocal(synthesis.getId()).get("conventionSummary")).asString().contains(number);

        // the server refuses a missing assessment or a report received in the future; the task stays open
        assertThatThrownBy(() -> complete(instance, TASK_RECORD_SYNTHESIS_REPORT, vars(
                SYNTHESIS_RECEIVED_ON, startOfDay(LocalDate.of(2026, 8, 1)), SYNTHESIS_WORK_SUMMARY, "Ateliers tenus")))
                .isInstanceOf(LifecycleInputException.class).hasMessageContaining("Bilan des actions réalisées");
        assertThatThrownBy(() -> complete(instance, TASK_RECORD_SYNTHESIS_REPORT, vars(
                SYNTHESIS_RECEIVED_ON, startOfDay(LocalDate.now(ZONE).plusYears(5)), SYNTHESIS_WORK_SUMMARY, "x",
                SYNTHESIS_ASSESSMENT, "y")))
                .isInstanceOf(LifecycleInputException.class).hasMessageContaining("futur");
        assertThat(conventionService.synthesisOf(number)).isEmpty();

        complete(instance, TASK_RECORD_SYNTHESIS_REPORT, vars(SYNTHESIS_RECEIVED_ON, "2026-08-01",
                SYNTHESIS_WORK_SUMMARY, "Douze ateliers de sensibilisation tenus", SYNTHESIS_ASSESSMENT,
                "340 femmes accompagnées ; objectifs atteints à 80 %", SYNTHESIS_RECOMMENDATIONS, "Étendre à Bohicon"));

        assertThat(instance).isEnded().hasPassed("EndEvent_ConventionExpired").hasNotPassed("EndEvent_ConventionTerminated");
        ConventionSynthesisReport report = conventionService.synthesisOf(number).orElseThrow();
        assertThat(report.getReceivedOn()).isEqualTo(LocalDate.of(2026, 8, 1));
        assertThat(report.getWorkSummary()).isEqualTo("Douze ateliers de sensibilisation tenus");
        assertThat(report.getAssessment()).contains("340 femmes");
        assertThat(report.getRecommendations()).isEqualTo("Étendre à Bohicon");
    }

    private List<String> candidateGroups(ProcessInstance instance, String taskKey) {
        return taskService.getIdentityLinksForTask(task(instance, taskKey).getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    }
}
