package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.*;

import bj.gouv.masm.reviews.HoldMeetingCommand;
import bj.gouv.masm.reviews.NationalReviewService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_HoldNationalReview (DPAF): context on create; on complete minutes, attendance, recommendations. */
@Component("holdNationalReviewListener")
@RequiredArgsConstructor
public class HoldNationalReviewListener implements TaskListener {

    private final NationalReviewService nationalReviews;

    @Override
    public void notify(DelegateTask task) {
        Long id = (Long) task.getVariable(NATIONAL_REVIEW_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(NATIONAL_REVIEW_CONTEXT, nationalReviews.context(id));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            nationalReviews.holdReview(id, HoldMeetingCommand.read(task, NATIONAL_RECOMMENDATIONS));
        }
    }
}
