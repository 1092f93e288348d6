package bj.gouv.masm.reporting.process;

import bj.gouv.masm.reporting.QuarterlyReportService;
import bj.gouv.masm.reporting.ReportingVariables;
import bj.gouv.masm.reporting.Sanction;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the sanction the AccreditationSanction decision returned on the report. */
@Component("recordSanctionDelegate")
@RequiredArgsConstructor
public class RecordSanctionDelegate implements JavaDelegate {

    private final QuarterlyReportService reports;

    @Override
    public void execute(DelegateExecution execution) {
        Object sanction = execution.getVariable(ReportingVariables.SANCTION);
        if (sanction == null) {
            throw new IllegalStateException("AccreditationSanction returned no sanction");
        }
        reports.recordSanction(execution.getProcessBusinessKey(), Sanction.valueOf(sanction.toString()));
    }
}
