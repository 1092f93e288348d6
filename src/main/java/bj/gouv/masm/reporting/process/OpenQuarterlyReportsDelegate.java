package bj.gouv.masm.reporting.process;

import bj.gouv.masm.reporting.Quarter;
import bj.gouv.masm.reporting.QuarterOpeningService;
import bj.gouv.masm.reporting.ReportingVariables;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ReportingCalendar: opens the reports of the quarter that has just ended (or of {@code quarterToOpen}). */
@Component("openQuarterlyReportsDelegate")
@RequiredArgsConstructor
public class OpenQuarterlyReportsDelegate implements JavaDelegate {

    private final QuarterOpeningService openingService;

    @Override
    public void execute(DelegateExecution execution) {
        Object requested = execution.getVariable(ReportingVariables.QUARTER_TO_OPEN);
        Quarter quarter = requested == null ? openingService.quarterEndedToday() : Quarter.parse(requested.toString());
        QuarterOpeningService.OpeningResult result = openingService.openQuarter(quarter);
        execution.setVariable(ReportingVariables.QUARTER, result.quarter());
        execution.setVariable("reportsOpened", result.opened().size());
    }
}
