package bj.gouv.masm.reporting.regularisation;

import bj.gouv.masm.security.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets every CPS group start OscRegularisation from Tasklist (READ + CREATE_INSTANCE on the definition,
 * CREATE on process instances). Idempotent, run at every start after the groups exist.
 */
@Component
public class RegularisationAuthorizations {

    private final AuthorizationService authorizationService;

    public RegularisationAuthorizations(AuthorizationService authorizationService) {
        this.authorizationService = authorizationService;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    public void grant() {
        for (String group : Groups.cpsGroups()) {
            ensure(group, Resources.PROCESS_DEFINITION, RegularisationVariables.PROCESS,
                    Permissions.READ, Permissions.CREATE_INSTANCE);
            ensure(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
    }

    private void ensure(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT)
                .singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(authorization);
        }
    }
}
