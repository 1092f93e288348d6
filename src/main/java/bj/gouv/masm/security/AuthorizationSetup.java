package bj.gouv.masm.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import bj.gouv.masm.security.process.OfficeGroups;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in Camunda (Tasklist, Cockpit, /engine-rest): the static rights of every
 * group of docs/contract.md and the two shared Tasklist filters. Runs at every start in every
 * profile, after {@link IdentitySetup}, and only adds what is missing (idempotent; rights an
 * administrator added in Camunda Admin are kept).
 *
 * <p>Rights that depend on a case (a CPS sees the process instances of its own department) are
 * granted when the case starts, by {@link DepartmentAccessPlugin}. Task rights come from the
 * candidate groups of each user task (the engine grants READ/UPDATE on the task to them).
 * {@code camunda-admin} gets everything from the Camunda starter.
 */
@Component
public class AuthorizationSetup {

    /** The process clerks may start from Tasklist ("Démarrer un processus"). */
    public static final String CONVENTION_LIFECYCLE = "ConventionLifecycle";
    public static final String OSC_REGULARISATION = "OscRegularisation";
    /** Meetings of the coordination bodies: the Cabinet hosts some (lead PTF, Joint Commission) and follows them. */
    public static final String COORDINATION_MEETING = "CoordinationMeeting";
    public static final String FILTER_MY_TASKS = "Mes tâches";
    public static final String FILTER_MY_SERVICE_TASKS = "Tâches de mon service";
    public static final String TASKLIST = "tasklist";
    public static final String COCKPIT = "cockpit";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationSetup.class);

    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final OfficeGroups officeGroups;

    public AuthorizationSetup(AuthorizationService authorizationService, FilterService filterService,
                              TaskService taskService, OfficeGroups officeGroups) {
        this.officeGroups = officeGroups;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    /** A right granted to a group: resource type, resource id ({@code *} for all), permissions. */
    public record Grant(String groupId, Resource resource, String resourceId, List<Permission> permissions) {
        Grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
            this(groupId, resource, resourceId, List.of(permissions));
        }
    }

    /** Groups doing case work in Tasklist. */
    public List<String> workingGroups() {
        return Stream.concat(officeGroups.cpsGroups().stream(),
                Stream.of(Groups.DPAF, Groups.SGM, Groups.OFFE, Groups.CABINET)).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void onStart() {
        Map<String, String> filters = ensureFilters();
        int added = 0;
        for (Grant grant : staticGrants(filters.values())) {
            added += apply(grant) ? 1 : 0;
        }
        if (added > 0) {
            log.info("Authorizations created or completed: {}", added);
        }
    }

    /** The rights of each group, as documented in the README ("Security and access"). */
    public List<Grant> staticGrants(Iterable<String> filterIds) {
        List<Grant> grants = new ArrayList<>();
        for (String group : workingGroups()) {
            grants.add(new Grant(group, Resources.APPLICATION, TASKLIST, Permissions.ACCESS));
            for (String filterId : filterIds) {
                grants.add(new Grant(group, Resources.FILTER, filterId, Permissions.READ));
            }
            // names of colleagues in Tasklist (assignee, candidate users)
            grants.add(new Grant(group, Resources.USER, ANY, Permissions.READ));
            // the models themselves (Tasklist shows each task's process name); no case data
            grants.add(new Grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ));
            grants.add(new Grant(group, Resources.GROUP, ANY, Permissions.READ));
        }
        for (String cps : officeGroups.cpsGroups()) {
            // file an OSC dossier from Tasklist; each started case is then visible to its CPS only
            grants.add(new Grant(cps, Resources.PROCESS_DEFINITION, CONVENTION_LIFECYCLE,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
            // report an OSC active without a convention (regularisation follow-up)
            grants.add(new Grant(cps, Resources.PROCESS_DEFINITION, OSC_REGULARISATION,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
            grants.add(new Grant(cps, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));
        }
        for (String central : List.of(Groups.DPAF, Groups.SGM)) {
            grants.add(new Grant(central, Resources.PROCESS_DEFINITION, ANY,
                    ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_HISTORY));
            grants.add(new Grant(central, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
            grants.add(new Grant(central, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
                    HistoricProcessInstancePermissions.READ));
        }
        // a PTF files its dossier at the central level: DPAF starts its lifecycle
        grants.add(new Grant(Groups.DPAF, Resources.PROCESS_DEFINITION, CONVENTION_LIFECYCLE,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
        grants.add(new Grant(Groups.DPAF, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE));

        // the Cabinet follows the coordination meetings (Joint Commission, meetings with the lead PTF)
        grants.add(new Grant(Groups.CABINET, Resources.PROCESS_DEFINITION, COORDINATION_MEETING,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY));

        // managers: read everything in Cockpit, change nothing
        String managers = Groups.MANAGERS;
        grants.add(new Grant(managers, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
        grants.add(new Grant(managers, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK));
        grants.add(new Grant(managers, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(new Grant(managers, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
                HistoricProcessInstancePermissions.READ));
        grants.add(new Grant(managers, Resources.TASK, ANY, TaskPermissions.READ));
        grants.add(new Grant(managers, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ));
        grants.add(new Grant(managers, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(managers, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(managers, Resources.DEPLOYMENT, ANY, Permissions.READ));
        grants.add(new Grant(managers, Resources.BATCH, ANY, Permissions.READ));
        grants.add(new Grant(managers, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
        grants.add(new Grant(managers, Resources.USER, ANY, Permissions.READ));
        grants.add(new Grant(managers, Resources.GROUP, ANY, Permissions.READ));

        // analysts: the only ones (with the administrators) who deploy (Camunda Modeler → /engine-rest)
        String analysts = Groups.ANALYSTS;
        grants.add(new Grant(analysts, Resources.APPLICATION, COCKPIT, Permissions.ACCESS));
        grants.add(new Grant(analysts, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ));
        // ... and follow what a new version does in Cockpit: instances, jobs, incidents, history; read only
        grants.add(new Grant(analysts, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY));
        grants.add(new Grant(analysts, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ));
        grants.add(new Grant(analysts, Resources.HISTORIC_PROCESS_INSTANCE, ANY,
                HistoricProcessInstancePermissions.READ));
        grants.add(new Grant(analysts, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY));
        grants.add(new Grant(analysts, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));
        grants.add(new Grant(analysts, Resources.BATCH, ANY, Permissions.READ));
        grants.add(new Grant(analysts, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ));
        return grants;
    }

    /** Creates the grant, or adds its missing permissions to the group's existing grant; true if changed. */
    public boolean apply(Grant grant) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(grant.groupId())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(grant.groupId());
            authorization.setResource(grant.resource());
            authorization.setResourceId(grant.resourceId());
        }
        boolean changed = existing == null;
        for (Permission permission : grant.permissions()) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
        return changed;
    }

    /** The two shared task filters (created once, then left as the administrators edit them): name → id. */
    public Map<String, String> ensureFilters() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(FILTER_MY_TASKS, ensureFilter(FILTER_MY_TASKS,
                "Les tâches qui vous sont attribuées", -10, "#1f6f43",
                () -> taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        ids.put(FILTER_MY_SERVICE_TASKS, ensureFilter(FILTER_MY_SERVICE_TASKS,
                "Les tâches des groupes dont vous êtes membre (attribuées ou non), les plus urgentes d'abord",
                SERVICE_FILTER_PRIORITY, "#2a5d9f", () -> serviceQueueQuery(taskService)));
        upgradeServiceFilter(ids.get(FILTER_MY_SERVICE_TASKS));
        return ids;
    }

    /** « Tâches de mon service » comes first in Tasklist (lowest priority), so a clerk lands on the office's queue. */
    static final int SERVICE_FILTER_PRIORITY = -20;
    /** The priority shipped before the office's queue came first: a filter still holding it was never edited. */
    private static final int OLD_SERVICE_FILTER_PRIORITY = -5;

    /** The office's queue, most urgent first (due date ascending). */
    private static org.camunda.bpm.engine.task.TaskQuery serviceQueueQuery(TaskService taskService) {
        return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks().orderByDueDate().asc();
    }

    /** An installation whose service filter is still as first shipped gets the new order and position. */
    private void upgradeServiceFilter(String filterId) {
        Filter filter = filterService.getFilter(filterId);
        Object priority = filter.getProperties() == null ? null : filter.getProperties().get("priority");
        if (priority instanceof Number n && n.intValue() == OLD_SERVICE_FILTER_PRIORITY) {
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
            properties.put("priority", SERVICE_FILTER_PRIORITY);
            properties.put("description", "Les tâches des groupes dont vous êtes membre (attribuées ou non), les plus urgentes d'abord");
            filter.setProperties(properties);
            filter.setQuery(serviceQueueQuery(taskService));
            filterService.saveFilter(filter);
            log.info("Task filter updated: {} first, sorted by due date", FILTER_MY_SERVICE_TASKS);
        }
    }

    private String ensureFilter(String name, String description, int priority, String color,
                                java.util.function.Supplier<org.camunda.bpm.engine.task.TaskQuery> query) {
        List<Filter> found = filterService.createFilterQuery().filterResourceType("Task").filterName(name).list();
        if (!found.isEmpty()) {
            return found.get(0).getId();
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("howUndefinedVariable", "noHandling");
        // shown under each task in the list, so a clerk tells one dossier or report from another
        properties.put("variables", List.of(
                Map.of("name", "partnerName", "label", "Partenaire"),
                Map.of("name", "dossierReference", "label", "Dossier"),
                Map.of("name", "conventionNumber", "label", "Convention"),
                Map.of("name", "programmeName", "label", "Programme"),
                Map.of("name", "bodyLabel", "label", "Organe")));
        Filter filter = filterService.newTaskFilter(name).setQuery(query.get()).setProperties(properties);
        filterService.saveFilter(filter);
        log.info("Task filter created: {}", name);
        return filter.getId();
    }
}
