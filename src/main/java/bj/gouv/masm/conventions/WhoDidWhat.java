package bj.gouv.masm.conventions;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditEvent;
import bj.gouv.masm.shared.AuditEventRepository;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers "who did what" for a convention, in time order, from every source that records an actor:
 * our tables (the convention's created_by/updated_by, its status history, the audit trail of the
 * convention) and Camunda's history of its case (who filed the dossier, who completed each task).
 * Visibility follows {@link AccessScope}: another department's convention is 404.
 */
@Service
public class WhoDidWhat {

    /** The audit-trail entity type of convention events (by id or by number): one spelling, V120 normalised the rest. */
    public static final Set<String> CONVENTION_ENTITY_TYPES = Set.of(bj.gouv.masm.conventions.ConventionService.ENTITY);

    private final ConventionRepository conventions;
    private final AuditEventRepository auditEvents;
    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final AccessScope accessScope;
    private final ZoneId zone;

    public WhoDidWhat(ConventionRepository conventions, AuditEventRepository auditEvents, JdbcTemplate jdbc,
                      HistoryService historyService, IdentityService identityService, AccessScope accessScope,
                      java.time.Clock clock) {
        this.conventions = conventions;
        this.auditEvents = auditEvents;
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.identityService = identityService;
        this.accessScope = accessScope;
        this.zone = clock.getZone();
    }

    /** One thing done: when, by whom, what, and where it was recorded. */
    public record Entry(OffsetDateTime at, String actor, String action, String details, String source) {
    }

    public record Activity(String conventionNumber, String department, List<Entry> entries) {
    }

    @Transactional(readOnly = true)
    public Activity ofConvention(String number) {
        Convention convention = conventions.findByNumber(number)
                .orElseThrow(() -> ApiException.notFound(AccessScope.NOT_FOUND));
        accessScope.requireDepartment(convention.getDepartment());

        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(convention.getCreatedAt(), convention.getCreatedBy(), "CONVENTION_RECORDED",
                convention.getNumber(), "convention"));
        jdbc.query("select changed_at, changed_by, from_status, to_status, reason from convention_status_change "
                        + "where convention_id = ? order by changed_at, id",
                rs -> {
                    entries.add(new Entry(rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by"),
                            "STATUS_" + rs.getString("to_status"),
                            (rs.getString("from_status") == null ? "" : rs.getString("from_status") + " → ")
                                    + rs.getString("to_status")
                                    + (rs.getString("reason") == null ? "" : " : " + rs.getString("reason")),
                            "convention_status_change"));
                }, convention.getId());
        Set<AuditEvent> audited = new LinkedHashSet<>();
        for (String type : CONVENTION_ENTITY_TYPES) {
            audited.addAll(auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(type, number));
            audited.addAll(auditEvents.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(type,
                    String.valueOf(convention.getId())));
        }
        audited.forEach(e -> entries.add(new Entry(e.getOccurredAt(), e.getActor(), e.getAction(), e.getDetails(),
                "audit_event")));
        if (convention.getProcessInstanceId() != null) {
            // our rule set has decided (above); the engine history is read on its behalf
            entries.addAll(asEngine(() -> caseHistory(convention.getProcessInstanceId())));
        }
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Activity(number, convention.getDepartment(), entries);
    }

    /** Who filed the case and who completed each of its tasks (Camunda history). */
    List<Entry> caseHistory(String processInstanceId) {
        List<Entry> entries = new ArrayList<>();
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return entries;
        }
        entries.add(new Entry(at(instance.getStartTime()), actorOr(instance.getStartUserId()), "CASE_STARTED",
                instance.getProcessDefinitionKey() + (instance.getBusinessKey() == null ? ""
                        : " " + instance.getBusinessKey()), "camunda_history"));
        Map<String, String> completedBy = new HashMap<>();
        for (UserOperationLogEntry log : historyService.createUserOperationLogQuery()
                .processInstanceId(processInstanceId).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list()) {
            if (log.getTaskId() != null && log.getUserId() != null) {
                completedBy.putIfAbsent(log.getTaskId(), log.getUserId());
            }
        }
        List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).finished().orderByHistoricTaskInstanceEndTime().asc().list();
        for (HistoricTaskInstance task : tasks) {
            String actor = completedBy.getOrDefault(task.getId(), task.getAssignee());
            entries.add(new Entry(at(task.getEndTime()), actorOr(actor), "TASK_COMPLETED",
                    task.getTaskDefinitionKey() + " — " + task.getName(), "camunda_history"));
        }
        return entries;
    }

    private <T> T asEngine(Supplier<T> query) {
        Authentication current = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (current != null) {
                identityService.setAuthentication(current);
            }
        }
    }

    private OffsetDateTime at(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static String actorOr(String actor) {
        return actor == null ? "system" : actor;
    }
}
