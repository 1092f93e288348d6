package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, item 9: every user task of ConventionLifecycle has a due date set in the model (an expression an
 * analyst edits in Modeler), with the defaults: check 10 days, review 15, sign 15, an evaluation 30 days after
 * it falls due, the synthesis 60 days.
 */
class LifecycleDueDatesTests extends LifecycleTestSupport {

    private static final long DAY = 86_400_000L;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void shouldGiveEveryUserTaskOfTheModelADueDate() {
        String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                .latestVersion().singleResult().getId();
        BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);

        List<UserTask> tasks = List.copyOf(model.getModelElementsByType(UserTask.class));

        assertThat(tasks).extracting(UserTask::getId).contains(TASK_CHECK_DOSSIER, TASK_REVIEW_DOSSIER,
                TASK_RECEIVE_MISSING_DOCUMENTS, TASK_SIGN_CONVENTION, TASK_EVALUATE_MID_TERM, TASK_EVALUATE_FINAL,
                TASK_RECORD_SYNTHESIS_REPORT);
        assertThat(tasks).allSatisfy(task -> assertThat(task.getCamundaDueDate()).as(task.getId()).isNotBlank());
    }

    @Test
    void shouldDateEachTaskFromItsDefault() {
        today(LocalDate.of(2026, 2, 2));
        ProcessInstance instance = start(osc("ALIBORI"));
        assertDueAfterCreation(task(instance, TASK_CHECK_DOSSIER), 10);
        complete(instance, TASK_CHECK_DOSSIER, vars(DOSSIER_COMPLETE, true));
        assertDueAfterCreation(task(instance, TASK_REVIEW_DOSSIER), 15);
        complete(instance, TASK_REVIEW_DOSSIER, vars(REVIEW_OPINION, "FAVOURABLE"));
        assertDueAfterCreation(task(instance, TASK_SIGN_CONVENTION), 15);
        complete(instance, TASK_SIGN_CONVENTION, signature(LocalDate.of(2026, 2, 2), 12));

        // evaluations: 30 days after they fall due, even when the task is created late
        fire(instance, "TimerEvent_MidTermDue");
        assertThat(task(instance, TASK_EVALUATE_MID_TERM).getDueDate())
                .isEqualTo(startOfDay(LocalDate.of(2026, 8, 2).plusDays(30)));
        today(LocalDate.of(2026, 12, 20));
        complete(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "ON_TRACK"));
        fire(instance, "TimerEvent_FinalEvaluationDue");
        assertThat(task(instance, TASK_EVALUATE_FINAL).getDueDate())
                .isEqualTo(startOfDay(LocalDate.of(2026, 11, 2).plusDays(30)));

        fire(instance, "TimerEvent_ConventionEnds");
        assertDueAfterCreation(task(instance, TASK_RECORD_SYNTHESIS_REPORT), 60);
    }

    private static void assertDueAfterCreation(Task task, int days) {
        assertThat(task.getDueDate()).as(task.getTaskDefinitionKey())
                .isEqualTo(new Date(task.getCreateTime().getTime() + days * DAY));
    }
}
