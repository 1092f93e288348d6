package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.REVIEW_ID;

import bj.gouv.masm.reviews.DepartmentalReviewService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** DepartmentalReview: the copy of the held review goes to DPAF (recorded as a DPAF notification). */
@Component("sendReviewCopyDelegate")
@RequiredArgsConstructor
public class SendReviewCopyDelegate implements JavaDelegate {

    private final DepartmentalReviewService reviews;

    @Override
    public void execute(DelegateExecution execution) {
        reviews.sendCopyToDpaf((Long) execution.getVariable(REVIEW_ID));
    }
}
