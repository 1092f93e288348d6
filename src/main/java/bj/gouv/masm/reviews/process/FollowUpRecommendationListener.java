package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewFormException.FORM;
import static bj.gouv.masm.reviews.ReviewVariables.*;

import bj.gouv.masm.reviews.Recommendation;
import bj.gouv.masm.reviews.RecommendationService;
import bj.gouv.masm.reviews.RecommendationStatus;
import bj.gouv.masm.reviews.ReviewFormException;
import bj.gouv.masm.shared.FormInput;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_FollowUpRecommendation (candidate group = the recommendation's owner). On create: the
 * recommendation as context; the form's fields are made local to this task's multi-instance
 * execution so parallel follow-ups never mix their answers. On complete: the new status (dropped
 * needs a reason) and optional new due date go to the register and the follow-up is released;
 * on delete (process cancelled) it is released too.
 */
@Component("followUpRecommendationListener")
@RequiredArgsConstructor
public class FollowUpRecommendationListener implements TaskListener {

    private final RecommendationService recommendations;

    @Override
    public void notify(DelegateTask task) {
        Long id = Long.valueOf(task.getVariable(RECOMMENDATION_ID).toString());
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                Recommendation r = recommendations.find(id);
                task.setVariableLocal(RECOMMENDATION_TEXT, "Recommandation n° " + r.getId() + " ("
                        + r.getSourceType().label() + " " + r.getSourceKey() + ") : " + r.getText()
                        + "\nResponsable : " + r.getOwnerGroup() + " — échéance dépassée : " + r.getDueDate()
                        + " — statut : " + r.getStatus().label());
                DelegateExecution execution = task.getExecution();
                execution.setVariableLocal(FOLLOW_UP_STATUS, r.getStatus().name());
                execution.setVariableLocal(FOLLOW_UP_COMMENT, null);
                execution.setVariableLocal(NEW_DUE_DATE, null);
            }
            case EVENTNAME_COMPLETE -> {
                String statusText = FORM.requiredText(task.getVariable(FOLLOW_UP_STATUS), "Nouveau statut", 20);
                RecommendationStatus status;
                try {
                    status = RecommendationStatus.valueOf(statusText);
                } catch (IllegalArgumentException e) {
                    throw new ReviewFormException("Statut inconnu : « " + statusText + " ».");
                }
                recommendations.updateStatusFromTask(id, status,
                        FormInput.optionalText(task.getVariable(FOLLOW_UP_COMMENT)),
                        FORM.optionalDate(task.getVariable(NEW_DUE_DATE), "Nouvelle échéance"));
                recommendations.releaseFollowUp(id);
            }
            case EVENTNAME_DELETE -> recommendations.releaseFollowUp(id);
            default -> { }
        }
    }
}
