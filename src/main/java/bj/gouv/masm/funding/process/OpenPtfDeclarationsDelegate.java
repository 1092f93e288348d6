package bj.gouv.masm.funding.process;

import static bj.gouv.masm.funding.FundingVariables.*;

import bj.gouv.masm.funding.PtfDeclarationService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * PtfDeclarationCalendar: asks every PTF with a convention for its declaration of the current year (or of
 * {@code yearToOpen} when the calendar is started by hand). Input parameter {@code declarationPeriod}
 * (ISO-8601, default P60D): how long the PTF has before it is followed up as late.
 */
@Component("openPtfDeclarationsDelegate")
@RequiredArgsConstructor
public class OpenPtfDeclarationsDelegate implements JavaDelegate {

    private final PtfDeclarationService service;
    private final Clock clock;

    @Override
    public void execute(DelegateExecution execution) {
        Object year = execution.getVariable(YEAR_TO_OPEN);
        int toOpen = year == null ? LocalDate.now(clock).getYear() : Integer.parseInt(year.toString().trim());
        Object period = execution.getVariable(DECLARATION_PERIOD);
        Period declarationPeriod = period == null ? PtfDeclarationService.DEFAULT_DECLARATION_PERIOD
                : Period.parse(period.toString().trim());
        PtfDeclarationService.OpeningResult result = service.openYear(toOpen, declarationPeriod);
        execution.setVariable("declarationsOpened", result.opened().size());
    }
}
