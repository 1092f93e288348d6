package bj.gouv.masm.security;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Approvals cannot be skipped, whatever the entry point (/engine-rest, Cockpit, Tasklist, Java): only
 * administrators ({@code camunda-admin}) may start a process instance at chosen activities
 * ({@code startInstructions}), skip custom listeners or I/O mappings, modify, migrate or restart process
 * instances. Only administrators may delete a deployment that live process instances use. Commands run
 * without an authenticated user (the application itself, jobs, batches) and commands nested in another
 * command (the application's delegates and services) pass.
 */
@RequiredArgsConstructor
public class EngineCommandGuard extends CommandInterceptor {

    static final Set<String> ADMIN_ONLY_COMMANDS = Set.of(
            "StartProcessInstanceAtActivitiesCmd",
            "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd",
            "ProcessInstanceModificationCmd", "ProcessInstanceModificationBatchCmd",
            "MigrateProcessInstanceCmd", "MigrateProcessInstanceBatchCmd",
            "RestartProcessInstancesCmd", "RestartProcessInstancesBatchCmd");

    private final ProcessEngineConfigurationImpl configuration;

    @Override
    public <T> T execute(Command<T> command) {
        Authentication user = configuration.getIdentityService().getCurrentAuthentication();
        // only what the user asks for: a command nested in another one is the application's own work
        // (e.g. a delegate deleting a cancelled renewal's instance while a DPAF agent completes a task)
        boolean nested = Context.getCommandContext() != null;
        if (!nested && user != null && user.getUserId() != null && !isAdmin(user)) {
            check(command, user);
        }
        return next.execute(command);
    }

    private void check(Command<?> command, Authentication user) {
        String name = command.getClass().getSimpleName();
        if (ADMIN_ONLY_COMMANDS.contains(name)) {
            throw new AuthorizationException("Action réservée aux administrateurs : démarrer un dossier à une étape "
                    + "choisie (startInstructions), déplacer, migrer ou redémarrer des instances permettrait de sauter "
                    + "des approbations (utilisateur « " + user.getUserId() + " »).");
        }
        if (flag(command, "skipCustomListeners") || flag(command, "skipIoMappings")) {
            throw new AuthorizationException("Action réservée aux administrateurs : ignorer les écouteurs "
                    + "(skipCustomListeners) ou les paramètres d'entrée/sortie (skipIoMappings) contournerait les "
                    + "contrôles du dossier (utilisateur « " + user.getUserId() + " »).");
        }
        if ("DeleteDeploymentCmd".equals(name)) {
            String deploymentId = (String) field(command, "deploymentId");
            long live = liveInstances(deploymentId);
            if (live > 0) {
                throw new AuthorizationException("Suppression refusée : " + live + " dossier(s) en cours utilisent "
                        + "ce déploiement (" + deploymentId + "). Seul un administrateur peut supprimer un déploiement "
                        + "utilisé ; déployez plutôt une nouvelle version, les dossiers en cours gardent la leur.");
            }
        }
    }

    private long liveInstances(String deploymentId) {
        if (deploymentId == null) {
            return 0;
        }
        return configuration.getCommandExecutorTxRequired().execute(commandContext ->
                commandContext.runWithoutAuthorization(() -> configuration.getRuntimeService()
                        .createProcessInstanceQuery().deploymentId(deploymentId).count()));
    }

    private boolean isAdmin(Authentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        if (groups.contains(Groups.ADMINS)) {
            return true;
        }
        List<String> adminGroups = configuration.getAdminGroups();
        if (adminGroups != null && groups.stream().anyMatch(adminGroups::contains)) {
            return true;
        }
        List<String> adminUsers = configuration.getAdminUsers();
        return adminUsers != null && adminUsers.contains(user.getUserId());
    }

    private static boolean flag(Object command, String name) {
        return Boolean.TRUE.equals(field(command, name));
    }

    private static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
