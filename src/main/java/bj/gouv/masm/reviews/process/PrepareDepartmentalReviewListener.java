package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewFormException.FORM;
import static bj.gouv.masm.reviews.ReviewVariables.*;

import bj.gouv.masm.reviews.DepartmentalReview;
import bj.gouv.masm.reviews.DepartmentalReviewService;
import bj.gouv.masm.reviews.RecommendationService;
import bj.gouv.masm.shared.FormInput;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Task_PrepareDepartmentalReview. On create: the form's context (the departmental analytical report,
 * the open recommendations of the previous reviews, the partner checklist pre-ticked with every
 * partner holding an active convention). On complete: date, venue and invitations checked and stored.
 */
@Component("prepareDepartmentalReviewListener")
@RequiredArgsConstructor
public class PrepareDepartmentalReviewListener implements TaskListener {

    private final DepartmentalReviewService reviews;

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = (Long) task.getVariable(REVIEW_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            DepartmentalReview review = reviews.get(reviewId);
            showReportAndPreviousRecommendations(task, reviews, review);
            task.setVariableLocal(PARTNER_OPTIONS,
                    SpinValues.jsonValue(FormInput.toJson(reviews.partnerOptions(review))).create());
            if (task.getVariable(INVITED_PARTNERS) == null) {
                List<String> defaults = reviews.defaultInvitees(review).stream().map(String::valueOf).toList();
                task.getExecution().setVariable(INVITED_PARTNERS, SpinValues.jsonValue(FormInput.toJson(defaults)).create());
            }
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            reviews.prepare(reviewId, new DepartmentalReviewService.PrepareCommand(
                    FORM.requiredDate(task.getVariable(PLANNED_ON), "Date prévue"),
                    FORM.requiredText(task.getVariable(VENUE), "Lieu", 300),
                    FORM.valueList(task.getVariable(INVITED_PARTNERS), "Partenaires invités")));
        }
    }

    /** The context both departmental review tasks show: the analytical report and the open recommendations. */
    static void showReportAndPreviousRecommendations(DelegateTask task, DepartmentalReviewService reviews,
                                                     DepartmentalReview review) {
        task.setVariableLocal(DEPARTMENTAL_REPORT_TEXT, reviews.describe(reviews.reportOf(review)));
        task.setVariableLocal(PREVIOUS_RECOMMENDATIONS,
                RecommendationService.describe(reviews.previousOpenRecommendations(review)));
    }
}
