package bj.gouv.masm.dashboard;

import bj.gouv.masm.security.Groups;
import bj.gouv.masm.security.process.OfficeGroups;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * The convention pipeline from Camunda: open dossiers per stage (open user tasks of the
 * ConventionLifecycle process per task definition key), time spent per stage (average and 90th
 * percentile of finished task durations, from history) and overdue tasks (due date passed) per office
 * (candidate group). These are aggregate figures for the dashboard: the engine is queried without the
 * caller's task authorizations (the dashboard's own scoping applies the department filter).
 */
@Service
public class PipelineFigures {

    public static final String CONVENTION_LIFECYCLE = "ConventionLifecycle";
    /** Process variables set by the lifecycle at start (docs/contract.md). */
    public static final String VAR_DEPARTMENT = "department";
    public static final String VAR_PARTNER_KIND = "partnerKind";

    /** Stage order of docs/contract.md; other task keys found in the engine follow. */
    static final List<String> STAGES = List.of("Task_CheckDossier", "Task_ReceiveMissingDocuments",
            "Task_ReviewDossier", "Task_SignConvention", "Task_EvaluateMidTerm", "Task_EvaluateFinal");

    private static final double MILLIS_PER_DAY = 86_400_000d;

    private final TaskService taskService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final Clock clock;
    private final OfficeGroups officeGroups;

    public PipelineFigures(TaskService taskService, HistoryService historyService, RepositoryService repositoryService,
                           IdentityService identityService, Clock clock, OfficeGroups officeGroups) {
        this.officeGroups = officeGroups;
        this.taskService = taskService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.clock = clock;
    }

    public record Stage(String taskKey, String name, long open, long finished, Double averageDays,
                        Double percentile90Days, String link) {
    }

    public record Office(String group, long overdue, String link) {
    }

    public record Pipeline(List<Stage> stages, List<Office> overdue, long openTotal, long overdueTotal) {
    }

    public record OpenTask(String id, String name, String taskKey, String processKey, String businessKey,
                           String assignee, Date created, Date due, boolean overdue) {
    }

    public Pipeline pipeline(DashboardFilter filter) {
        return pipeline(CONVENTION_LIFECYCLE, null, filter);
    }

    /**
     * The stages of one process definition key (the dashboard uses ConventionLifecycle) and the overdue
     * tasks of {@code overdueProcessKey} (null: every process).
     */
    public Pipeline pipeline(String processKey, String overdueProcessKey, DashboardFilter filter) {
        return asEngine(() -> {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, Long> open = new LinkedHashMap<>();
            STAGES.forEach(key -> open.put(key, 0L));
            for (Task task : openTasks(processKey, filter).list()) {
                open.merge(task.getTaskDefinitionKey(), 1L, Long::sum);
                names.putIfAbsent(task.getTaskDefinitionKey(), task.getName());
            }
            Map<String, List<Long>> durations = new LinkedHashMap<>();
            for (HistoricTaskInstance task : finishedTasks(processKey, filter).list()) {
                if (task.getDurationInMillis() != null) {
                    durations.computeIfAbsent(task.getTaskDefinitionKey(), k -> new ArrayList<>())
                            .add(task.getDurationInMillis());
                    names.putIfAbsent(task.getTaskDefinitionKey(), task.getName());
                    open.putIfAbsent(task.getTaskDefinitionKey(), 0L);
                }
            }
            List<Stage> stages = new ArrayList<>();
            long openTotal = 0;
            for (Map.Entry<String, Long> entry : open.entrySet()) {
                String key = entry.getKey();
                List<Long> d = durations.getOrDefault(key, List.of());
                openTotal += entry.getValue();
                stages.add(new Stage(key, names.getOrDefault(key, StageNames.of(key)), entry.getValue(), d.size(),
                        d.isEmpty() ? null : Stats.average(d) / MILLIS_PER_DAY,
                        d.isEmpty() ? null : Stats.percentile(d, 90) / MILLIS_PER_DAY,
                        DashboardFilter.withParameter(filter.link("/dashboard/tasks"), "stage", key)));
            }
            List<Office> offices = new ArrayList<>();
            long overdueTotal = 0;
            Date now = Date.from(clock.instant());
            List<String> groups = new ArrayList<>(officeGroups.cpsGroups());
            groups.addAll(List.of(Groups.DPAF, Groups.SGM, Groups.OFFE, Groups.CABINET));
            for (String group : groups) {
                TaskQuery query = scoped(taskService.createTaskQuery(), filter).taskCandidateGroup(group)
                        .includeAssignedTasks().dueBefore(now);
                if (overdueProcessKey != null) {
                    query.processDefinitionKey(overdueProcessKey);
                }
                long n = query.count();
                overdueTotal += n;
                offices.add(new Office(group, n, DashboardFilter.withParameter(
                        DashboardFilter.withParameter(filter.link("/dashboard/tasks"), "overdue", true), "group", group)));
            }
            return new Pipeline(stages, offices, openTotal, overdueTotal);
        });
    }

    /** The tasks behind a figure: open tasks of a stage, or overdue tasks of an office (any process). */
    public List<OpenTask> tasks(DashboardFilter filter, String stage, String group, boolean overdueOnly) {
        return asEngine(() -> {
            TaskQuery query = stage != null ? openTasks(CONVENTION_LIFECYCLE, filter).taskDefinitionKey(stage)
                    : scoped(taskService.createTaskQuery(), filter);
            if (group != null) {
                query.taskCandidateGroup(group).includeAssignedTasks();
            }
            Date now = Date.from(clock.instant());
            if (overdueOnly) {
                query.dueBefore(now);
            }
            List<Task> tasks = query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(0, 2000);
            Map<String, String> businessKeys = new LinkedHashMap<>();
            Map<String, String> processKeys = new LinkedHashMap<>();
            List<OpenTask> result = new ArrayList<>();
            for (Task t : tasks) {
                String businessKey = businessKeys.computeIfAbsent(t.getProcessInstanceId(), id -> id == null ? null
                        : historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult()
                        .getBusinessKey());
                String processKey = processKeys.computeIfAbsent(t.getProcessDefinitionId(), id -> id == null ? null
                        : repositoryService.getProcessDefinition(id).getKey());
                result.add(new OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), processKey, businessKey,
                        t.getAssignee(), t.getCreateTime(), t.getDueDate(),
                        t.getDueDate() != null && t.getDueDate().before(now)));
            }
            return result;
        });
    }

    private TaskQuery openTasks(String processKey, DashboardFilter filter) {
        return scoped(taskService.createTaskQuery().processDefinitionKey(processKey), filter);
    }

    private TaskQuery scoped(TaskQuery query, DashboardFilter filter) {
        if (filter.department() != null) {
            query.processVariableValueEquals(VAR_DEPARTMENT, filter.department());
        }
        if (filter.kind() != null) {
            query.processVariableValueEquals(VAR_PARTNER_KIND, filter.kind());
        }
        return query;
    }

    private HistoricTaskInstanceQuery finishedTasks(String processKey, DashboardFilter filter) {
        HistoricTaskInstanceQuery query = historyService.createHistoricTaskInstanceQuery()
                .processDefinitionKey(processKey).finished();
        if (filter.department() != null) {
            query.processVariableValueEquals(VAR_DEPARTMENT, filter.department());
        }
        if (filter.kind() != null) {
            query.processVariableValueEquals(VAR_PARTNER_KIND, filter.kind());
        }
        if (filter.period() != null) {
            ZoneId zone = clock.getZone();
            query.finishedAfter(Date.from(filter.periodStart().atStartOfDay(zone).toInstant()));
            query.finishedBefore(Date.from(filter.periodEnd().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return query;
    }

    /** Aggregate reads without the caller's engine authorizations; the caller's authentication is restored. */
    private <T> T asEngine(Supplier<T> work) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }
}
