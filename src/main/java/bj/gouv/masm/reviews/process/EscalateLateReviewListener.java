package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewFormException.FORM;
import static bj.gouv.masm.reviews.ReviewVariables.*;

import bj.gouv.masm.reviews.DepartmentalReview;
import bj.gouv.masm.reviews.DepartmentalReviewService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_EscalateLateReview (DPAF): on complete, the action taken is required and recorded. */
@Component("escalateLateReviewListener")
@RequiredArgsConstructor
public class EscalateLateReviewListener implements TaskListener {

    private final DepartmentalReviewService reviews;

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = (Long) task.getVariable(REVIEW_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            DepartmentalReview review = reviews.get(reviewId);
            task.setVariableLocal(DEPARTMENTAL_REPORT_TEXT, "Revue " + review.getBusinessKey()
                    + " non tenue à l'échéance du " + review.getDeadline().toLocalDate().minusDays(1)
                    + " (statut : " + review.getStatus() + ", date prévue : "
                    + (review.getPlannedOn() == null ? "non fixée" : review.getPlannedOn()) + ").");
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            reviews.recordEscalationHandled(reviewId, FORM.requiredText(task.getVariable(LATE_REVIEW_DECISION), "Décision", 20),
                    FORM.requiredText(task.getVariable(ESCALATION_ACTION), "Suite donnée", 2000));
        }
    }
}
