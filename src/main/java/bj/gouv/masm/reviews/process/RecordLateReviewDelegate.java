package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.REVIEW_ID;

import bj.gouv.masm.reviews.DepartmentalReviewService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** DepartmentalReview: the review was not held by the end of its month; recorded before DPAF's task. */
@Component("recordLateReviewDelegate")
@RequiredArgsConstructor
public class RecordLateReviewDelegate implements JavaDelegate {

    private final DepartmentalReviewService reviews;

    @Override
    public void execute(DelegateExecution execution) {
        reviews.recordLate((Long) execution.getVariable(REVIEW_ID));
    }
}
