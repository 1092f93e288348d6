package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.*;

import bj.gouv.masm.reviews.DepartmentalReview;
import bj.gouv.masm.reviews.DepartmentalReviewService;
import bj.gouv.masm.reviews.RecommendationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_HoldDepartmentalReview. On create: the report and the previous recommendations as context.
 * On complete: date, minutes, attendance and the recommendations (text, responsible group, due date)
 * checked and stored in the register.
 */
@Component("holdDepartmentalReviewListener")
public class HoldDepartmentalReviewListener implements TaskListener {

    private final DepartmentalReviewService reviews;

    public HoldDepartmentalReviewListener(DepartmentalReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = (Long) task.getVariable(REVIEW_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            DepartmentalReview review = reviews.get(reviewId);
            task.setVariableLocal(DEPARTMENTAL_REPORT_TEXT, reviews.describe(reviews.reportOf(review)));
            task.setVariableLocal(PREVIOUS_RECOMMENDATIONS,
                    RecommendationService.describe(reviews.previousOpenRecommendations(review)));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            reviews.hold(reviewId, task.getVariable(HELD_ON), task.getVariable(MINUTES),
                    task.getVariable(PARTICIPANTS_COUNT), task.getVariable(REVIEW_RECOMMENDATIONS));
        }
    }
}
