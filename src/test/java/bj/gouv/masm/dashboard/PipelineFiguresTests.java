package bj.gouv.masm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bj.gouv.masm.support.IntegrationTestBase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Pipeline figures on a process of their own (unique key), so the counts, averages and percentiles
 * have known answers whatever else the shared database holds.
 */
class PipelineFiguresTests extends IntegrationTestBase {

    private static final long DAY = 86_400_000L;

    @Autowired
    PipelineFigures figures;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    @Test
    void shouldCountOpenDossiersPerStageWithAverageAndNinetiethPercentileDays() {
        String key = "DashboardPipeline_" + UUID.randomUUID().toString().substring(0, 8);
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Filed")
                .userTask("Task_CheckDossier").name("Vérifier").camundaCandidateGroups("cps-mono")
                .camundaDueDate("${due}")
                .userTask("Task_ReviewDossier").name("Examiner").camundaCandidateGroups("dpaf")
                .endEvent("EndEvent_Done").done();
        repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();

        Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
        // ten dossiers checked in 1..10 days: average 5.5 days, 90th percentile (nearest rank) 9 days
        for (int days = 1; days <= 10; days++) {
            ClockUtil.setCurrentTime(Date.from(t0));
            ProcessInstance pi = runtimeService.startProcessInstanceByKey(key, "DOS-T-" + days,
                    Map.of("department", days <= 4 ? "MONO" : "ZOU", "partnerKind", "OSC",
                            "due", Date.from(t0.plusSeconds(30L * 86_400))));
            ClockUtil.setCurrentTime(new Date(t0.toEpochMilli() + days * DAY));
            taskService.complete(taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId());
        }
        // two dossiers still waiting for the check, one of them overdue
        ClockUtil.setCurrentTime(Date.from(t0));
        runtimeService.startProcessInstanceByKey(key, "DOS-T-late", Map.of("department", "MONO", "partnerKind", "OSC",
                "due", Date.from(t0.plusSeconds(2L * 86_400))));
        runtimeService.startProcessInstanceByKey(key, "DOS-T-fresh", Map.of("department", "MONO", "partnerKind", "OSC",
                "due", Date.from(t0.plusSeconds(60L * 86_400))));
        ClockUtil.setCurrentTime(Date.from(t0.plusSeconds(20L * 86_400)));

        PipelineFigures.Pipeline all = figures.pipeline(key, key, DashboardFilter.none());
        PipelineFigures.Stage check = stage(all, "Task_CheckDossier");
        PipelineFigures.Stage review = stage(all, "Task_ReviewDossier");
        assertThat(check.open()).isEqualTo(2);
        assertThat(check.finished()).isEqualTo(10);
        assertThat(check.averageDays()).isCloseTo(5.5, within(1e-6));
        assertThat(check.percentile90Days()).isCloseTo(9.0, within(1e-6));
        assertThat(review.open()).isEqualTo(10);
        assertThat(review.averageDays()).isNull();
        assertThat(all.openTotal()).isEqualTo(12);
        assertThat(check.link()).isEqualTo("/dashboard/tasks?stage=Task_CheckDossier");
        assertThat(office(all, "cps-mono").overdue()).isEqualTo(1);
        assertThat(office(all, "dpaf").overdue()).isZero();
        assertThat(all.overdueTotal()).isEqualTo(1);

        // department filter (process variable "department"): MONO checked in 1..4 days
        PipelineFigures.Pipeline mono = figures.pipeline(key, key,
                new DashboardFilter("MONO", null, null, null, null, null, null, null));
        assertThat(stage(mono, "Task_CheckDossier").open()).isEqualTo(2);
        assertThat(stage(mono, "Task_CheckDossier").averageDays()).isCloseTo(2.5, within(1e-6));
        assertThat(stage(mono, "Task_CheckDossier").percentile90Days()).isCloseTo(4.0, within(1e-6));
        assertThat(stage(mono, "Task_ReviewDossier").open()).isEqualTo(4);
        // period filter: tasks finished in 2026-Q1 (March 3..12)
        assertThat(stage(figures.pipeline(key, key, new DashboardFilter(null, null, null, null, null, null, null,
                "2026-Q2")), "Task_CheckDossier").finished()).isZero();
        assertThat(stage(figures.pipeline(key, key, new DashboardFilter(null, null, null, null, null, null, null,
                "2026-Q1")), "Task_CheckDossier").finished()).isEqualTo(10);
    }

    @Test
    void shouldListTheTasksBehindAStageFigure() {
        List<PipelineFigures.OpenTask> tasks = figures.tasks(DashboardFilter.none(), "Task_ReviewDossier", null, false);
        assertThat(tasks).allMatch(t -> "Task_ReviewDossier".equals(t.taskKey()));
    }

    private static PipelineFigures.Stage stage(PipelineFigures.Pipeline pipeline, String key) {
        return pipeline.stages().stream().filter(s -> s.taskKey().equals(key)).findFirst().orElseThrow();
    }

    private static PipelineFigures.Office office(PipelineFigures.Pipeline pipeline, String group) {
        return pipeline.overdue().stream().filter(o -> o.group().equals(group)).findFirst().orElseThrow();
    }
}
