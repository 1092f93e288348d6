package bj.gouv.masm.letters;

import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reporting.QuarterlyReport;
import bj.gouv.masm.reporting.ReportingReadQueries;
import bj.gouv.masm.security.Groups;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders, generic over the engine's TaskService (any process, any user task with a due date):
 * <ul>
 * <li>partners: the quarterly report is due ({@code Task_RecordQuarterlyReport} due within
 * {@code masm.letters.report-due-reminder-days}, default 7): one letter per report;</li>
 * <li>staff: a task due within {@code masm.letters.staff.reminder-days-before} days reminds each member (with an
 * e-mail address in Camunda Admin) of its candidate groups, once per task and member;</li>
 * <li>staff: each office (candidate group) with overdue tasks gets one digest per day per member.</li>
 * </ul>
 * Either staff mail can be turned off per group ({@code reminders-disabled-for}, {@code digest-disabled-for}).
 * Every mail goes through the outbox (dedupe keys: nothing is written twice).
 */
@Component
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final String TASK_RECORD_QUARTERLY_REPORT = "Task_RecordQuarterlyReport";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final ReportingReadQueries reports;
    private final PartnerReadQueries partners;
    private final Outbox outbox;
    private final LetterEvents letterEvents;
    private final LetterSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Reminders(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
                     IdentityService identityService, ReportingReadQueries reports, PartnerReadQueries partners,
                     Outbox outbox, LetterEvents letterEvents, LetterSettings settings,
                     PlatformTransactionManager transactionManager, Clock clock) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.reports = reports;
        this.partners = partners;
        this.outbox = outbox;
        this.letterEvents = letterEvents;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(cron = "${masm.letters.staff.reminder-cron:0 0 * * * *}")
    void scheduledReminders() {
        if (settings.getStaff().isScheduled()) {
            try {
                remindReportsDue();
                remindStaff();
            } catch (RuntimeException e) {
                log.warn("Reminders failed: {}", e.toString());
            }
        }
    }

    @Scheduled(cron = "${masm.letters.staff.digest-cron:0 0 7 * * *}")
    void scheduledDigest() {
        if (settings.getStaff().isScheduled()) {
            try {
                sendOverdueDigests();
            } catch (RuntimeException e) {
                log.warn("Overdue digests failed: {}", e.toString());
            }
        }
    }

    /** @return letters written */
    public int remindReportsDue() {
        Date now = Date.from(clock.instant());
        Date horizon = Date.from(clock.instant().plus(Duration.ofDays(settings.getReportDueReminderDays())));
        int written = 0;
        for (Task task : taskService.createTaskQuery().taskDefinitionKey(TASK_RECORD_QUARTERLY_REPORT).active()
                .dueAfter(now).dueBefore(horizon).list()) {
            String businessKey = businessKeys(List.of(task)).get(task.getProcessInstanceId());
            QuarterlyReport report = businessKey == null ? null : reports.findByBusinessKey(businessKey).orElse(null);
            if (report == null || outbox.exists("REPORT_DUE:" + businessKey)) {
                continue;
            }
            Boolean done = tx.execute(status -> partners.findById(report.getPartnerId()).map(partner -> {
                Map<String, Object> model = new HashMap<>();
                model.put("quarter", report.quarterValue().toString());
                model.put("conventionNumber", report.getConventionNumber());
                model.put("dueDate", Outbox.frenchDate(localDate(task.getDueDate())));
                model.put("handledBy", letterEvents.handledBy(report.getDepartment()));
                return outbox.toPartner(LetterKind.REPORT_DUE, partner, businessKey, report.getDepartment(), model,
                        List.of(), "REPORT_DUE:" + businessKey).isPresent();
            }).orElse(false));
            if (Boolean.TRUE.equals(done)) {
                written++;
            }
        }
        return written;
    }

    /** @return reminders written */
    public int remindStaff() {
        int daysBefore = settings.getStaff().getReminderDaysBefore();
        Date now = Date.from(clock.instant());
        Date horizon = Date.from(clock.instant().plus(Duration.ofDays(daysBefore)));
        List<Task> tasks = taskService.createTaskQuery().active().dueAfter(now).dueBefore(horizon).list();
        Map<String, String> keys = businessKeys(tasks);
        Set<String> disabled = Set.copyOf(settings.getStaff().getRemindersDisabledFor());
        int written = 0;
        for (Task task : tasks) {
            for (String group : candidateGroups(task)) {
                if (disabled.contains(group)) {
                    continue;
                }
                for (User user : membersWithEmail(group)) {
                    String dedupe = "STAFF_REMINDER:" + task.getId() + ":" + user.getId();
                    if (outbox.exists(dedupe)) {
                        continue;
                    }
                    Map<String, Object> model = new HashMap<>();
                    model.put("taskName", task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
                    model.put("processName", processName(task.getProcessDefinitionId()));
                    model.put("group", group);
                    model.put("dueDate", Outbox.frenchDate(localDate(task.getDueDate())));
                    model.put("daysBefore", daysBefore);
                    model.put("tasklistUrl", tasklistUrl(task.getId()));
                    String reference = task.getProcessInstanceId() == null ? task.getId()
                            : keys.getOrDefault(task.getProcessInstanceId(), task.getId());
                    tx.executeWithoutResult(status -> outbox.write(new Outbox.Draft(LetterKind.STAFF_REMINDER, null,
                            reference, Groups.departmentOf(group), user.getEmail(), fullName(user), model, List.of(), dedupe)));
                    written++;
                }
            }
        }
        return written;
    }

    /** @return digests written (one per member of each office with overdue tasks, once a day) */
    public int sendOverdueDigests() {
        Date now = Date.from(clock.instant());
        LocalDate today = LocalDate.now(clock);
        List<Task> overdue = taskService.createTaskQuery().active().dueBefore(now).orderByDueDate().asc().list();
        Map<String, String> keys = businessKeys(overdue);
        Map<String, List<Map<String, Object>>> byGroup = new TreeMap<>();
        for (Task task : overdue) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
            row.put("reference", task.getProcessInstanceId() == null ? "" : keys.getOrDefault(task.getProcessInstanceId(), ""));
            row.put("dueDate", Outbox.frenchDate(localDate(task.getDueDate())));
            row.put("daysLate", ChronoUnit.DAYS.between(localDate(task.getDueDate()), today));
            for (String group : candidateGroups(task)) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
            }
        }
        Set<String> disabled = Set.copyOf(settings.getStaff().getDigestDisabledFor());
        int written = 0;
        for (var entry : byGroup.entrySet()) {
            String group = entry.getKey();
            if (disabled.contains(group)) {
                continue;
            }
            for (User user : membersWithEmail(group)) {
                String dedupe = "STAFF_DIGEST:" + group + ":" + today + ":" + user.getId();
                if (outbox.exists(dedupe)) {
                    continue;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("group", group);
                model.put("tasks", entry.getValue());
                model.put("tasklistUrl", settings.getPublicUrl() + "/camunda/app/tasklist/");
                tx.executeWithoutResult(status -> outbox.write(new Outbox.Draft(LetterKind.STAFF_DIGEST, null,
                        group + " " + today, Groups.departmentOf(group), user.getEmail(), fullName(user), model,
                        List.of(), dedupe)));
                written++;
            }
        }
        return written;
    }

    private List<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().toList();
    }

    private List<User> membersWithEmail(String group) {
        return identityService.createUserQuery().memberOfGroup(group).list().stream()
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank()).toList();
    }

    private Map<String, String> businessKeys(List<Task> tasks) {
        Set<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, String> keys = new HashMap<>();
        if (ids.isEmpty()) {
            return keys;
        }
        for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()) {
            if (pi.getBusinessKey() != null) {
                keys.put(pi.getId(), pi.getBusinessKey());
            }
        }
        return keys;
    }

    private final Map<String, String> processNames = new java.util.concurrent.ConcurrentHashMap<>();

    private String processName(String definitionId) {
        if (definitionId == null) {
            return "";
        }
        return processNames.computeIfAbsent(definitionId, id -> {
            var definition = repositoryService.getProcessDefinition(id);
            return definition.getName() != null ? definition.getName() : definition.getKey();
        });
    }

    private String tasklistUrl(String taskId) {
        return settings.getPublicUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    private LocalDate localDate(Date date) {
        return date.toInstant().atZone(clock.getZone()).toLocalDate();
    }

    private static String fullName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
