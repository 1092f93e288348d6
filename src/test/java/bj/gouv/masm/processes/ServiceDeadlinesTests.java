package bj.gouv.masm.processes;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.security.AuthorizationSetup;
import bj.gouv.masm.support.IntegrationTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 item 9: every user task of every process (ConventionLifecycle has its own tests) has a due
 * date written in its model; « Décider du retrait » is due 15 days after it opens; « Tâches de mon
 * service » is the first Tasklist filter and lists the office's tasks by due date.
 */
class ServiceDeadlinesTests extends IntegrationTestBase {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;

    @Test
    void shouldGiveEveryUserTaskADueDateInItsModel() throws IOException {
        List<String> withoutDueDate = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path model : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                if (model.getFileName().toString().equals("ConventionLifecycle.bpmn")) {
                    continue; // its deadlines belong to the lifecycle's own issue items and tests
                }
                BpmnModelInstance instance;
                try (InputStream in = Files.newInputStream(model)) {
                    instance = Bpmn.readModelFromStream(in);
                }
                for (UserTask task : instance.getModelElementsByType(UserTask.class)) {
                    checked++;
                    if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
                        withoutDueDate.add(model.getFileName() + "#" + task.getId());
                    }
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        assertThat(withoutDueDate).as("user tasks without camunda:dueDate").isEmpty();
    }

    @Test
    void shouldGiveDpafFifteenDaysToDecideARevocation() {
        Date now = new Date(Date.from(java.time.Instant.parse("2079-05-03T08:00:00Z")).getTime());
        ClockUtil.setCurrentTime(now);
        ProcessInstance instance = runtimeService.createProcessInstanceByKey("QuarterlyReport")
                .businessKey("CONV-2079-9999_2079-Q1").startBeforeActivity("Task_DecideRevocation")
                .setVariables(Map.of("department", "BORGOU", "quarter", "2079-Q1")).execute();
        try {
            Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_DecideRevocation");
            assertThat(task.getDueDate()).isEqualTo(Date.from(now.toInstant().plus(Duration.ofDays(15))));

            // DPAF's first filter is the office's queue, sorted by due date, and it counts this task
            Filter first = filterService.createFilterQuery().filterResourceType("Task").list().stream()
                    .min(java.util.Comparator.comparingInt(f -> ((Number) f.getProperties().get("priority")).intValue()))
                    .orElseThrow();
            assertThat(first.getName()).isEqualTo(AuthorizationSetup.FILTER_MY_SERVICE_TASKS);
            assertThat(first.getProperties()).containsEntry("refresh", true);
            processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
            assertThat(filterService.count(first.getId())).isGreaterThanOrEqualTo(1);
            List<Task> queue = filterService.list(first.getId());
            assertThat(queue).extracting(Task::getId).contains(task.getId());
            List<Date> dueDates = queue.stream().map(Task::getDueDate).filter(java.util.Objects::nonNull).toList();
            assertThat(dueDates).isSortedAccordingTo(Date::compareTo);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
            runtimeService.deleteProcessInstance(instance.getId(), "test");
        }
    }
}
