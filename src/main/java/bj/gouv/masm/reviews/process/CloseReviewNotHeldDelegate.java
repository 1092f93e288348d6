package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.REVIEW_ID;

import bj.gouv.masm.reviews.DepartmentalReviewService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** DepartmentalReview: DPAF closed the late review as not held; the review ends, the calendar goes on. */
@Component("closeReviewNotHeldDelegate")
@RequiredArgsConstructor
public class CloseReviewNotHeldDelegate implements JavaDelegate {

    private final DepartmentalReviewService reviews;

    @Override
    public void execute(DelegateExecution execution) {
        reviews.closeNotHeld((Long) execution.getVariable(REVIEW_ID));
    }
}
