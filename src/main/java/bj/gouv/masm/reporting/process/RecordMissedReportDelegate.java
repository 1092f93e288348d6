package bj.gouv.masm.reporting.process;

import bj.gouv.masm.reporting.QuarterlyReport;
import bj.gouv.masm.reporting.QuarterlyReportService;
import bj.gouv.masm.reporting.ReportingVariables;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The reporting deadline passed: the quarter is MISSED. */
@Component("recordMissedReportDelegate")
@RequiredArgsConstructor
public class RecordMissedReportDelegate implements JavaDelegate {

    private final QuarterlyReportService reports;

    @Override
    public void execute(DelegateExecution execution) {
        QuarterlyReport report = reports.markMissed(execution.getProcessBusinessKey());
        execution.setVariable(ReportingVariables.REPORT_RECEIVED, false);
        execution.setVariable(ReportingVariables.INDICATORS_REPORTED, report.getIndicatorsReported());
    }
}
