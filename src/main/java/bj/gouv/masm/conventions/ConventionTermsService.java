package bj.gouv.masm.conventions;

import bj.gouv.masm.conventions.ConventionTermsChangedEvent.Change;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.EngineCalls;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DPAF decisions on a convention in force (Annex 2 § III, "prorogée d'un commun accord"): extension,
 * suspension and its lifting, early termination. Each needs a reason; each is recorded in the status history
 * and the audit trail, published as {@link ConventionTermsChangedEvent}, and sent to the convention's
 * ConventionLifecycle instance as a message (ConventionExtended, ConventionSuspended,
 * ConventionSuspensionLifted, ConventionTerminated), so Cockpit shows it as an event of the instance.
 * All in one transaction. Only DPAF and administrators (403 otherwise).
 */
@Service
@RequiredArgsConstructor
public class ConventionTermsService {

    static final String TIMER_CONVENTION_ENDS = "TimerEvent_ConventionEnds";
    static final String TIMER_FINAL_EVALUATION_DUE = "TimerEvent_FinalEvaluationDue";
    private static final int MAX_REASON = 1000;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ConventionRepository conventions;
    private final ConventionStatusService statusService;
    private final ConventionEvaluationRepository evaluations;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final EngineCalls engineCalls;
    private final ApplicationEventPublisher events;
    private final AccessScope scope;
    private final Clock clock;

    /** New end date (after the current one); the pending final-evaluation and expiry timers move with it. */
    @Transactional
    public Convention extend(String number, LocalDate newEndDate, String reason) {
        Convention convention = authorisedConvention(number);
        String why = requiredReason(reason);
        if (newEndDate == null) {
            throw badField("newEndDate", "La nouvelle date de fin est obligatoire (aaaa-mm-jj).");
        }
        requireLive(convention, "prorogée");
        if (!newEndDate.isAfter(convention.getEndDate())) {
            throw badField("newEndDate", "La nouvelle date de fin doit être postérieure à la date de fin actuelle ("
                    + DATE.format(convention.getEndDate()) + ").");
        }
        LocalDate oldEnd = convention.getEndDate();
        boolean finalEvaluationPending = finalEvaluationPending(convention);
        LocalDate finalEvaluation = convention.getFinalEvaluationDate();
        if (finalEvaluationPending) {
            long monthsBefore = Period.between(convention.getFinalEvaluationDate(), oldEnd).toTotalMonths();
            finalEvaluation = newEndDate.minusMonths(monthsBefore);
            if (finalEvaluation.isBefore(convention.getMidTermDate())) {
                finalEvaluation = convention.getMidTermDate();
            }
        }
        convention.extendTo(newEndDate, finalEvaluation);
        statusService.recordTermsChange(convention, Change.EXTENDED.name(), "Prorogée du " + DATE.format(oldEnd)
                + " au " + DATE.format(newEndDate) + " : " + why);
        events.publishEvent(new ConventionTermsChangedEvent(convention.getId(), number, convention.getPartnerId(),
                Change.EXTENDED, newEndDate, why));
        LocalDate newFinalEvaluation = finalEvaluation;
        withLifecycle(convention, instanceId -> {
            runtimeService.setVariable(instanceId, LifecycleVariables.CONVENTION_ENDS, startOfDay(newEndDate));
            moveTimer(instanceId, TIMER_CONVENTION_ENDS, startOfDay(newEndDate));
            if (finalEvaluationPending) {
                runtimeService.setVariable(instanceId, LifecycleVariables.FINAL_EVALUATION_DUE,
                        startOfDay(newFinalEvaluation));
                moveTimer(instanceId, TIMER_FINAL_EVALUATION_DUE, startOfDay(newFinalEvaluation));
            }
            Map<String, Object> local = new HashMap<>();
            local.put(LifecycleVariables.TERMS_CHANGE_REASON, why);
            local.put(LifecycleVariables.NEW_END_DATE, startOfDay(newEndDate));
            correlate(instanceId, LifecycleVariables.MESSAGE_EXTENDED, local, Map.of());
        });
        return convention;
    }

    /** ACTIVE → SUSPENDED: no quarterly report is opened and CPS support is refused while suspended. */
    @Transactional
    public Convention suspend(String number, String reason) {
        Convention convention = authorisedConvention(number);
        String why = requiredReason(reason);
        if (convention.getStatus() != ConventionStatus.ACTIVE) {
            throw conflict(convention, "suspendue");
        }
        return change(convention, ConventionStatus.SUSPENDED, Change.SUSPENDED, why,
                LifecycleVariables.MESSAGE_SUSPENDED);
    }

    /** SUSPENDED → ACTIVE. */
    @Transactional
    public Convention liftSuspension(String number, String reason) {
        Convention convention = authorisedConvention(number);
        String why = requiredReason(reason);
        if (convention.getStatus() != ConventionStatus.SUSPENDED) {
            throw new ApiException(HttpStatus.CONFLICT, "La convention " + number + " n'est pas suspendue ("
                    + convention.getStatus() + ").");
        }
        return change(convention, ConventionStatus.ACTIVE, Change.SUSPENSION_LIFTED, why,
                LifecycleVariables.MESSAGE_SUSPENSION_LIFTED);
    }

    /**
     * Early end by mutual agreement: TERMINATED; the lifecycle cancels the pending evaluations, asks for the
     * end-of-convention synthesis report and ends at EndEvent_ConventionTerminated.
     */
    @Transactional
    public Convention terminate(String number, String reason) {
        Convention convention = authorisedConvention(number);
        String why = requiredReason(reason);
        requireLive(convention, "résiliée");
        return change(convention, ConventionStatus.TERMINATED, Change.TERMINATED, why,
                LifecycleVariables.MESSAGE_TERMINATED);
    }

    private Convention change(Convention convention, ConventionStatus to, Change change, String why, String message) {
        statusService.changeStatus(convention, to, why);
        events.publishEvent(new ConventionTermsChangedEvent(convention.getId(), convention.getNumber(),
                convention.getPartnerId(), change, null, why));
        withLifecycle(convention, instanceId -> {
            Map<String, Object> global = change == Change.TERMINATED
                    ? Map.of(LifecycleVariables.CONVENTION_ENDING, ConventionStatus.TERMINATED.name()) : Map.of();
            correlate(instanceId, message, Map.of(LifecycleVariables.TERMS_CHANGE_REASON, why), global);
        });
        return convention;
    }

    private void correlate(String instanceId, String message, Map<String, Object> local, Map<String, Object> global) {
        // ConventionTerminated has two receivers (the term branch and the evaluations): all of them get it.
        // An instance of an older model version has no receiver: the status change stands on its own.
        runtimeService.createMessageCorrelation(message).processInstanceId(instanceId)
                .setVariablesLocal(local).setVariables(global).correlateAllWithResult();
    }

    private void withLifecycle(Convention convention, java.util.function.Consumer<String> call) {
        String instanceId = convention.getProcessInstanceId();
        if (instanceId == null) {
            return;
        }
        engineCalls.asSystem(() -> {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                call.accept(instanceId);
            }
        });
    }

    private void moveTimer(String instanceId, String activityId, Date due) {
        for (Job job : managementService.createJobQuery().processInstanceId(instanceId).activityId(activityId).list()) {
            managementService.setJobDuedate(job.getId(), due);
        }
    }

    /** The final evaluation is still to come: not recorded, and its task not yet created. */
    private boolean finalEvaluationPending(Convention convention) {
        boolean recorded = evaluations.findByConventionIdOrderByIdAsc(convention.getId()).stream()
                .anyMatch(e -> ConventionEvaluation.FINAL.equals(e.getKind()));
        if (recorded) {
            return false;
        }
        String instanceId = convention.getProcessInstanceId();
        return instanceId == null || engineCalls.asSystem(() -> runtimeService.createExecutionQuery()
                .processInstanceId(instanceId).activityId(LifecycleVariables.TASK_EVALUATE_FINAL).count() == 0);
    }

    private Convention authorisedConvention(String number) {
        scope.requireAnyGroup(Groups.DPAF);
        return conventions.findByNumber(number)
                .orElseThrow(() -> ApiException.notFound("Convention inconnue : " + number));
    }

    private static String requiredReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw badField("reason", "Le motif est obligatoire.");
        }
        if (reason.trim().length() > MAX_REASON) {
            throw badField("reason", "Le motif est trop long (" + MAX_REASON + " caractères au plus).");
        }
        return reason.trim();
    }

    private static ApiException badField(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message, java.util.List.of(new ApiException.FieldError(field,
                message)));
    }

    private static void requireLive(Convention convention, String what) {
        if (!convention.getStatus().isLive()) {
            throw conflict(convention, what);
        }
    }

    private static ApiException conflict(Convention convention, String what) {
        return new ApiException(HttpStatus.CONFLICT, "La convention " + convention.getNumber() + " est "
                + statusLabel(convention.getStatus()) + " : elle ne peut pas être " + what + ".");
    }

    /** French label of a status, as clerks read it (« expirée », « résiliée »...). */
    public static String statusLabel(ConventionStatus status) {
        return switch (status) {
            case ACTIVE -> "en vigueur";
            case SUSPENDED -> "suspendue";
            case REVOKED -> "révoquée";
            case EXPIRED -> "expirée";
            case RENEWED -> "renouvelée";
            case TERMINATED -> "résiliée";
        };
    }

    private Date startOfDay(LocalDate date) {
        return Date.from(date.atStartOfDay(clock.getZone()).toInstant());
    }
}
