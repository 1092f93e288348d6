package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.HALF_YEAR;
import static bj.gouv.masm.reviews.ReviewVariables.HALF_YEAR_ALREADY_OPEN;

import bj.gouv.masm.reviews.HalfYear;
import bj.gouv.masm.reviews.HalfYearOpeningService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ReviewCalendar: decides the half-year (given by hand, or the one containing today when the timer
 * fires) and registers it; an already registered half-year opens nothing.
 */
@Component("registerHalfYearDelegate")
public class RegisterHalfYearDelegate implements JavaDelegate {

    private final HalfYearOpeningService openingService;

    public RegisterHalfYearDelegate(HalfYearOpeningService openingService) {
        this.openingService = openingService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object given = execution.getVariable(HALF_YEAR);
        HalfYear halfYear = given == null ? openingService.currentHalfYear() : HalfYear.parse(given.toString());
        boolean registered = openingService.register(halfYear, execution.getProcessInstanceId());
        execution.setVariable(HALF_YEAR, halfYear.toString());
        execution.setVariable(HALF_YEAR_ALREADY_OPEN, !registered);
        if (registered && execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(halfYear.toString());
        }
    }
}
