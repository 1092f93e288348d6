package bj.gouv.masm.reporting.process;

import static bj.gouv.masm.reporting.ReportingVariables.*;

import bj.gouv.masm.reporting.QuarterlyReportService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets the inputs of the AccreditationSanction decision from the partner's reporting history. */
@Component("assessReportingHistoryDelegate")
@RequiredArgsConstructor
public class AssessReportingHistoryDelegate implements JavaDelegate {

    private final QuarterlyReportService reports;

    @Override
    public void execute(DelegateExecution execution) {
        QuarterlyReportService.Assessment assessment = reports.assess(execution.getProcessBusinessKey());
        execution.setVariable(CONSECUTIVE_MISSED, assessment.consecutiveMissedQuarters());
        execution.setVariable(CONSECUTIVE_INCOMPLETE, assessment.consecutiveIncompleteQuarters());
        execution.setVariable(INDICATORS_REPORTED, assessment.indicatorsReported());
        execution.setVariable(INDICATORS_EXPECTED, assessment.indicatorsExpected());
        execution.setVariable(MISSED_QUARTERS, assessment.missedQuarters());
    }
}
