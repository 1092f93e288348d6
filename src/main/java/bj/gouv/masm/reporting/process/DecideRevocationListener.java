package bj.gouv.masm.reporting.process;

import static bj.gouv.masm.conventions.LifecycleVariables.REVOCATION_REASON;
import static bj.gouv.masm.reporting.ReportingVariables.*;

import bj.gouv.masm.reporting.QuarterlyReportService;
import bj.gouv.masm.reporting.ReportingFormException;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of Task_DecideRevocation: the decision is required, and a reason when declining. */
@Component("decideRevocationListener")
@RequiredArgsConstructor
public class DecideRevocationListener implements TaskListener {

    private final QuarterlyReportService reports;

    @Override
    public void notify(DelegateTask task) {
        Object confirmed = task.getVariable(REVOCATION_CONFIRMED);
        Boolean decision = confirmed == null ? null
                : confirmed instanceof Boolean b ? b : Boolean.valueOf(confirmed.toString());
        if (confirmed != null && !(confirmed instanceof Boolean)
                && !"true".equalsIgnoreCase(confirmed.toString()) && !"false".equalsIgnoreCase(confirmed.toString())) {
            throw new ReportingFormException("La décision de retrait doit être oui ou non.");
        }
        reports.recordRevocationDecision(task.getExecution().getProcessBusinessKey(), decision,
                (String) task.getVariable(REVOCATION_REASON));
        task.setVariable(REVOCATION_CONFIRMED, decision);
    }
}
