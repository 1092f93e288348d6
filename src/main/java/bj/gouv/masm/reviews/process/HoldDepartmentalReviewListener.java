package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.*;

import bj.gouv.masm.reviews.DepartmentalReviewService;
import bj.gouv.masm.reviews.HoldMeetingCommand;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_HoldDepartmentalReview. On create: the report and the previous recommendations as context.
 * On complete: date, minutes, attendance and the recommendations (text, responsible group, due date)
 * checked and stored in the register.
 */
@Component("holdDepartmentalReviewListener")
@RequiredArgsConstructor
public class HoldDepartmentalReviewListener implements TaskListener {

    private final DepartmentalReviewService reviews;

    @Override
    public void notify(DelegateTask task) {
        Long reviewId = (Long) task.getVariable(REVIEW_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            PrepareDepartmentalReviewListener.showReportAndPreviousRecommendations(task, reviews, reviews.get(reviewId));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            reviews.hold(reviewId, HoldMeetingCommand.read(task, REVIEW_RECOMMENDATIONS));
        }
    }
}
