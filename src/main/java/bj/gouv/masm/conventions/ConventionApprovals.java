package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.REVIEW_OPINION;
import static bj.gouv.masm.conventions.LifecycleVariables.TASK_REVIEW_DOSSIER;
import static bj.gouv.masm.conventions.LifecycleVariables.TASK_SIGN_CONVENTION;

import bj.gouv.masm.security.Groups;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Service;

/**
 * The services never trust the case variables alone (README, "Security and access"): a convention is
 * registered only when the engine's history shows, in the same case, {@code Task_ReviewDossier}
 * completed with a favourable opinion by a {@code dpaf} member and {@code Task_SignConvention} completed
 * by an {@code sgm} member (administrators pass; a step completed by the application itself, without a
 * user, too); a renewal dossier, opened by the application after the final evaluation, needs only the
 * signature. A CPS acts only on its own department's dossiers.
 */
@Service
@RequiredArgsConstructor
public class ConventionApprovals {

    private final HistoryService history;
    private final IdentityService identity;

    /** Refuses the registration unless the case's history holds the DPAF opinion and the SGM signature. */
    public void requireApprovals(String processInstanceId, Dossier dossier) {
        if (processInstanceId == null || !processInstanceId.equals(dossier.getProcessInstanceId())) {
            throw refusal("le dossier " + dossier.getReference() + " n'appartient pas à ce cas.");
        }
        if (dossier.getRenewalOf() == null) {
            HistoricTaskInstance review = lastFinished(processInstanceId, TASK_REVIEW_DOSSIER)
                    .orElseThrow(() -> refusal("aucun avis de la DPAF (« Examiner le dossier ») dans ce cas."));
            Object opinion = opinionAt(processInstanceId, review.getEndTime());
            if (!ReviewOpinion.FAVOURABLE.name().equals(opinion)) {
                throw refusal("le dernier avis de la DPAF n'est pas favorable (" + opinion + ").");
            }
            String reviewer = completer(review);
            if (!isMemberOrSystem(reviewer, Groups.DPAF)) {
                throw refusal("l'avis a été donné par « " + reviewer + " », qui n'est pas membre de la DPAF.");
            }
        }
        String signer = signer(processInstanceId)
                .orElseThrow(() -> refusal("aucune signature du SGM (« Signer la convention ») dans ce cas."));
        if (!isMemberOrSystem(signer, Groups.SGM)) {
            throw refusal("la signature a été enregistrée par « " + signer + " », qui n'est pas membre du SGM.");
        }
    }

    /**
     * A CPS clerk files or checks only the dossiers of its own department: false when the current user
     * belongs to CPS groups but not to the department's one (central groups, administrators and the
     * application pass). The user's groups as Camunda Admin knows them, not a list handed to the engine.
     */
    public boolean actsForOwnDepartment(String department) {
        Authentication user = identity.getCurrentAuthentication();
        if (user == null || user.getUserId() == null || department == null) {
            return true;
        }
        List<String> groups = withoutAuthorization(() -> identity.createGroupQuery().groupMember(user.getUserId())
                .list()).stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
        return bj.gouv.masm.security.AccessScope.handlesDepartment(groups, department);
    }

    /** At filing: another department's partner is refused as an access refusal (REST 403), nothing is filed. */
    public void requireOwnDepartmentAtFiling(String department) {
        if (!actsForOwnDepartment(department)) {
            throw new AuthorizationException(otherDepartment(department));
        }
    }

    private static String otherDepartment(String department) {
        return "Ce dossier relève du CPS " + department + " : un CPS ne traite que les dossiers des partenaires de "
                + "son département.";
    }

    /** A CPS completes a task only on its own department's dossier, which must also be this case's own. */
    public void requireOwnDossier(Dossier dossier, String processInstanceId, String field) {
        if (processInstanceId != null && dossier.getProcessInstanceId() != null
                && !processInstanceId.equals(dossier.getProcessInstanceId())) {
            throw new LifecycleInputException(field, "Le dossier " + dossier.getReference()
                    + " n'appartient pas à ce cas.");
        }
        if (!actsForOwnDepartment(dossier.getDepartment())) {
            throw new LifecycleInputException(field, otherDepartment(dossier.getDepartment()));
        }
    }

    private Optional<HistoricTaskInstance> lastFinished(String processInstanceId, String taskKey) {
        return withoutAuthorization(() -> history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey).finished().list()).stream()
                .filter(t -> t.getEndTime() != null)
                .max(Comparator.comparing(HistoricTaskInstance::getEndTime));
    }

    /**
     * The value of reviewOpinion as it stood when the review task ended. Occurrence order is only
     * meaningful within one variable instance (a dossier returned by the SGM has its opinion removed and
     * set again: a new instance whose counter restarts), so only the live instance's updates are read.
     */
    private Object opinionAt(String processInstanceId, Date end) {
        List<org.camunda.bpm.engine.history.HistoricVariableInstance> live = withoutAuthorization(() -> history
                .createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .variableName(REVIEW_OPINION).list()).stream()
                .filter(v -> !org.camunda.bpm.engine.history.HistoricVariableInstance.STATE_DELETED.equals(v.getState()))
                .toList();
        Object value = null;
        for (org.camunda.bpm.engine.history.HistoricVariableInstance variable : live) {
            List<HistoricDetail> updates = withoutAuthorization(() -> history.createHistoricDetailQuery()
                    .variableInstanceId(variable.getId()).variableUpdates().orderPartiallyByOccurrence().asc().list());
            for (HistoricDetail detail : updates) {
                if (detail instanceof HistoricVariableUpdate update && !detail.getTime().after(end)) {
                    value = update.getValue();
                }
            }
        }
        return value;
    }

    /**
     * Who signed: the signature task completed in this very transaction (the registration follows it
     * directly) was completed by the current user; otherwise the history says who completed it.
     */
    private Optional<String> signer(String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        if (context != null && context.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class).stream()
                .anyMatch(t -> TASK_SIGN_CONVENTION.equals(t.getTaskDefinitionKey())
                        && processInstanceId.equals(t.getProcessInstanceId()))) {
            Authentication user = identity.getCurrentAuthentication();
            return Optional.of(user == null || user.getUserId() == null ? SYSTEM : user.getUserId());
        }
        return lastFinished(processInstanceId, TASK_SIGN_CONVENTION).map(this::completer);
    }

    private static final String SYSTEM = "";

    /** The user who completed the task (user operation log, else its assignee); "" for the application. */
    private String completer(HistoricTaskInstance task) {
        List<UserOperationLogEntry> entries = withoutAuthorization(() -> history.createUserOperationLogQuery()
                .taskId(task.getId()).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list());
        return entries.stream().map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst()
                .orElse(task.getAssignee() == null ? SYSTEM : task.getAssignee());
    }

    private boolean isMemberOrSystem(String userId, String group) {
        if (userId == null || userId.isEmpty()) {
            return true;
        }
        return withoutAuthorization(() -> identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0
                || identity.createUserQuery().userId(userId).memberOfGroup(Groups.ADMINS).count() > 0);
    }

    private static <T> T withoutAuthorization(Supplier<T> query) {
        CommandContext context = Context.getCommandContext();
        return context == null ? query.get() : context.runWithoutAuthorization(query::get);
    }

    private static LifecycleInputException refusal(String why) {
        return new LifecycleInputException(LifecycleVariables.SIGNED_ON,
                "Enregistrement de la convention refusé : " + why);
    }
}
