package bj.gouv.masm.security;

import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import bj.gouv.masm.security.process.OfficeGroups;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Confines each case to the CPS of its department, for every process, present and future: whenever
 * a process instance gets (or changes) its String variable {@code department} (e.g. {@code BORGOU}),
 * the group {@code cps-borgou} is granted READ on that process instance and on its history. Nothing
 * is granted for a case without department (a PTF's case is followed centrally).
 *
 * <p>Implemented as a history event handler added next to Camunda's own: every variable creation or
 * update passes through it in the transaction that sets the variable, whatever the process model.
 * Task rights need nothing here: the candidate group of a user task already gets READ/UPDATE on it.
 */
@Component
@RequiredArgsConstructor
public class DepartmentAccessPlugin extends AbstractProcessEnginePlugin {

    /** The process variable every department-scoped process sets at start (docs/contract.md). */
    public static final String DEPARTMENT_VARIABLE = "department";

    /** Read lazily: the engine is configured before the reference data can be read. */
    private final ObjectProvider<OfficeGroups> officeGroups;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(new DepartmentGrantHandler(department -> officeGroups.getObject().departments().contains(department)));
        configuration.setCustomHistoryEventHandlers(handlers);
        // history rights per process instance (HISTORIC_PROCESS_INSTANCE), not only per definition
        configuration.setEnableHistoricInstancePermissions(true);
    }

    static final class DepartmentGrantHandler implements HistoryEventHandler {

        private final java.util.function.Predicate<String> knownDepartment;

        DepartmentGrantHandler(java.util.function.Predicate<String> knownDepartment) {
            this.knownDepartment = knownDepartment;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!(event instanceof HistoricVariableUpdateEventEntity variable)
                    || !DEPARTMENT_VARIABLE.equals(variable.getVariableName())
                    || variable.getProcessInstanceId() == null
                    || variable.getTextValue() == null) {
                return;
            }
            String department = variable.getTextValue().trim().toUpperCase(java.util.Locale.ROOT);
            if (!knownDepartment.test(department)) {
                return;
            }
            CommandContext commandContext = Context.getCommandContext();
            if (commandContext == null) {
                return;
            }
            String group = Groups.cps(department);
            String instanceId = variable.getProcessInstanceId();
            commandContext.runWithoutAuthorization(() -> {
                grant(commandContext, group, Resources.PROCESS_INSTANCE, instanceId,
                        variable.getRootProcessInstanceId(), ProcessInstancePermissions.READ);
                grant(commandContext, group, Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
                        variable.getRootProcessInstanceId(), HistoricProcessInstancePermissions.READ);
                return null;
            });
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }

        private static void grant(CommandContext commandContext, String group, Resource resource, String resourceId,
                                  String rootProcessInstanceId, Permission permission) {
            boolean pending = commandContext.getDbEntityManager().getCachedEntitiesByType(AuthorizationEntity.class)
                    .stream().anyMatch(a -> group.equals(a.getGroupId()) && resourceId.equals(a.getResourceId())
                            && a.getResourceType() == resource.resourceType());
            if (pending || commandContext.getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(
                    Authorization.AUTH_TYPE_GRANT, group, resource, resourceId) != null) {
                return;
            }
            AuthorizationEntity authorization = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorization.setRootProcessInstanceId(rootProcessInstanceId);
            commandContext.getAuthorizationManager().insert(authorization);
        }
    }
}
