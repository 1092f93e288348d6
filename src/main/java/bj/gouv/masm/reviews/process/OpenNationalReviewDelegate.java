package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.NATIONAL_REVIEW_ALREADY_OPEN;
import static bj.gouv.masm.reviews.ReviewVariables.NATIONAL_REVIEW_ID;
import static bj.gouv.masm.reviews.ReviewVariables.REVIEW_YEAR;

import bj.gouv.masm.reviews.NationalReview;
import bj.gouv.masm.reviews.NationalReviewService;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** NationalReview: registers the review of the year (the previous year when the March timer fires). */
@Component("openNationalReviewDelegate")
@RequiredArgsConstructor
public class OpenNationalReviewDelegate implements JavaDelegate {

    private final NationalReviewService nationalReviews;

    @Override
    public void execute(DelegateExecution execution) {
        Object given = execution.getVariable(REVIEW_YEAR);
        int year = given == null ? nationalReviews.yearToReview() : Integer.parseInt(given.toString().trim());
        Optional<NationalReview> review = nationalReviews.open(year, execution.getProcessInstanceId());
        execution.setVariable(REVIEW_YEAR, year);
        execution.setVariable(NATIONAL_REVIEW_ALREADY_OPEN, review.isEmpty());
        review.ifPresent(r -> {
            execution.setVariable(NATIONAL_REVIEW_ID, r.getId());
            if (execution.getProcessBusinessKey() == null) {
                execution.setProcessBusinessKey(r.getBusinessKey());
            }
        });
    }
}
