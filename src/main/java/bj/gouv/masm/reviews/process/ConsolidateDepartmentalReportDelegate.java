package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.DEPARTMENT;
import static bj.gouv.masm.reviews.ReviewVariables.GRACE_PERIOD;
import static bj.gouv.masm.reviews.ReviewVariables.HALF_YEAR;
import static bj.gouv.masm.reviews.ReviewVariables.REVIEW_DEADLINE;
import static bj.gouv.masm.reviews.ReviewVariables.REVIEW_ID;

import bj.gouv.masm.reviews.DepartmentalReview;
import bj.gouv.masm.reviews.DepartmentalReviewService;
import bj.gouv.masm.reviews.HalfYear;
import bj.gouv.masm.reviews.ReviewFormException;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * DepartmentalReview: registers the review and consolidates the department's half-year into the
 * stored departmental analytical report; sets the review deadline (end of the review month plus the
 * grace period given as the task's input parameter {@code gracePeriod}, an ISO period such as P0D).
 */
@Component("consolidateDepartmentalReportDelegate")
@RequiredArgsConstructor
public class ConsolidateDepartmentalReportDelegate implements JavaDelegate {

    private final DepartmentalReviewService reviews;

    @Override
    public void execute(DelegateExecution execution) {
        String department = (String) execution.getVariable(DEPARTMENT);
        HalfYear halfYear = HalfYear.parse((String) execution.getVariable(HALF_YEAR));
        Period grace = parseGrace(execution.getVariableLocal(GRACE_PERIOD));
        DepartmentalReview review = reviews.open(department, halfYear, execution.getProcessInstanceId(), grace);
        execution.setVariable(DEPARTMENT, department);
        execution.setVariable(REVIEW_ID, review.getId());
        execution.setVariable(REVIEW_DEADLINE, Date.from(review.getDeadline().toInstant()));
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(review.getBusinessKey());
        }
    }

    private static Period parseGrace(Object value) {
        if (value == null || value.toString().isBlank()) {
            return Period.ZERO;
        }
        try {
            Period period = Period.parse(value.toString().trim());
            if (period.isNegative()) {
                throw new ReviewFormException("Délai de grâce négatif : " + value);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw new ReviewFormException("Délai de grâce invalide (période ISO attendue, ex. P0D, P15D) : " + value);
        }
    }
}
