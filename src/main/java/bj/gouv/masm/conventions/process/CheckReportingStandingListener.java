package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Before the DMN RenewalDecision: is the partner in good standing on its reporting (ReportingStanding)? */
@Component("checkReportingStandingListener")
@RequiredArgsConstructor
public class CheckReportingStandingListener implements ExecutionListener {

    private final ConventionService conventions;

    @Override
    public void notify(DelegateExecution execution) {
        Long partnerId = ((Number) execution.getVariable(PARTNER_ID)).longValue();
        execution.setVariable(PARTNER_IN_GOOD_STANDING, conventions.isInGoodStanding(partnerId));
    }
}
