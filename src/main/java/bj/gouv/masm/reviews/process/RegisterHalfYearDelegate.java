package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.HALF_YEAR;
import static bj.gouv.masm.reviews.ReviewVariables.HALF_YEAR_ALREADY_OPEN;
import static bj.gouv.masm.reviews.ReviewVariables.REVIEW_PERIOD;

import bj.gouv.masm.reviews.HalfYear;
import bj.gouv.masm.reviews.HalfYearOpeningService;
import bj.gouv.masm.reviews.ReviewCadence;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ReviewCalendar: decides the period (given by hand, or the one containing today when the timer
 * fires) and registers it; an already registered period opens nothing. The cadence is the model's:
 * input parameter {@code reviewPeriod} ({@code HALF_YEARLY} → {@code 2026-S1}, {@code QUARTERLY} →
 * {@code 2026-Q3}), set next to the timer cycle, so an analyst changes both in Modeler.
 */
@Component("registerHalfYearDelegate")
@RequiredArgsConstructor
public class RegisterHalfYearDelegate implements JavaDelegate {

    private final HalfYearOpeningService openingService;

    @Override
    public void execute(DelegateExecution execution) {
        Object given = execution.getVariable(HALF_YEAR);
        ReviewCadence cadence = ReviewCadence.parse(execution.getVariable(REVIEW_PERIOD));
        HalfYear halfYear = given == null ? openingService.currentPeriod(cadence) : HalfYear.parse(given.toString());
        boolean registered = openingService.register(halfYear, execution.getProcessInstanceId());
        execution.setVariable(HALF_YEAR, halfYear.toString());
        execution.setVariable(HALF_YEAR_ALREADY_OPEN, !registered);
        if (registered && execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(halfYear.toString());
        }
    }
}
