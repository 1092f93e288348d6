package bj.gouv.masm.reporting.process;

import bj.gouv.masm.reporting.QuarterlyReportService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** WARNING: the partner's contact is notified (mail log). */
@Component("notifyPartnerWarningDelegate")
@RequiredArgsConstructor
public class NotifyPartnerWarningDelegate implements JavaDelegate {

    private final QuarterlyReportService reports;

    @Override
    public void execute(DelegateExecution execution) {
        reports.warnPartner(execution.getProcessBusinessKey());
    }
}
