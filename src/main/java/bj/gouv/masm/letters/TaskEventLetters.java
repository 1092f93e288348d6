package bj.gouv.masm.letters;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionReadQueries;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reviews.DepartmentalReview;
import bj.gouv.masm.reviews.DepartmentalReviewService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Letters announced by the processes themselves, read from Camunda's Spring eventing bridge (task events,
 * published synchronously inside the engine's transaction; {@code camunda.bpm.eventing.task}, on by
 * default): no hook in the models.
 * <ul>
 * <li>{@code Task_EvaluateMidTerm} / {@code Task_EvaluateFinal} created (the evaluation timer fired): the
 * partner is told the evaluation is coming;</li>
 * <li>{@code Task_HoldDepartmentalReview} created (the CPS prepared the review: date, venue, invitees):
 * each invited partner receives an invitation.</li>
 * </ul>
 */
@Component
@RequiredArgsConstructor
public class TaskEventLetters {

    static final String TASK_EVALUATE_MID_TERM = "Task_EvaluateMidTerm";
    static final String TASK_EVALUATE_FINAL = "Task_EvaluateFinal";
    static final String TASK_HOLD_DEPARTMENTAL_REVIEW = "Task_HoldDepartmentalReview";

    private final Outbox outbox;
    private final ConventionReadQueries conventions;
    private final PartnerReadQueries partners;
    private final DepartmentalReviewService reviews;
    private final ReferenceDataService reference;
    private final Clock clock;

    @EventListener(condition = "#task.eventName == 'create'")
    public void taskCreated(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        if (TASK_EVALUATE_MID_TERM.equals(key) || TASK_EVALUATE_FINAL.equals(key)) {
            evaluationAnnounced(task, TASK_EVALUATE_MID_TERM.equals(key));
        } else if (TASK_HOLD_DEPARTMENTAL_REVIEW.equals(key)) {
            reviewInvitations(task);
        }
    }

    private void evaluationAnnounced(DelegateTask task, boolean midTerm) {
        Object number = task.getVariable("conventionNumber");
        if (number == null) {
            return;
        }
        Convention convention = conventions.findByNumber(number.toString()).orElse(null);
        if (convention == null) {
            return;
        }
        LocalDate due = task.getDueDate() != null
                ? task.getDueDate().toInstant().atZone(clock.getZone()).toLocalDate()
                : (midTerm ? convention.getMidTermDate() : convention.getFinalEvaluationDate());
        Map<String, Object> model = new HashMap<>();
        model.put("dueDate", Outbox.frenchDate(due));
        model.put("endDate", Outbox.frenchDate(convention.getEndDate()));
        LetterKind kind = midTerm ? LetterKind.MID_TERM_EVALUATION : LetterKind.FINAL_EVALUATION;
        partners.findById(convention.getPartnerId()).ifPresent(partner -> outbox.toPartner(kind, partner,
                convention.getNumber(), convention.getDepartment(), model, List.of(), kind + ":" + convention.getNumber()));
    }

    private void reviewInvitations(DelegateTask task) {
        Object reviewId = task.getVariable("reviewId");
        if (!(reviewId instanceof Long id)) {
            return;
        }
        DepartmentalReview review = reviews.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("departmentLabel", reference.label(ReferenceCategory.DEPARTMENT, review.getDepartment()));
        model.put("halfYear", review.getHalfYearKey());
        model.put("plannedOn", Outbox.frenchDate(review.getPlannedOn()));
        model.put("venue", review.getVenue() == null ? "" : review.getVenue());
        for (Long partnerId : reviews.invitees(id)) {
            partners.findById(partnerId).ifPresent(partner -> outbox.toPartner(LetterKind.REVIEW_INVITATION, partner,
                    review.getBusinessKey(), review.getDepartment(), model, List.of(),
                    "REVIEW_INVITATION:" + review.getBusinessKey() + ":" + partnerId));
        }
    }

}
