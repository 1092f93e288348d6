package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleVariables.CONVENTION_ENDING;
import static bj.gouv.masm.conventions.LifecycleVariables.CONVENTION_NUMBER;

import bj.gouv.masm.conventions.ConventionService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_ExpireConvention: the end date is reached without a signed successor; status EXPIRED, whatever
 * evaluation is still open (they stay to be done). The synthesis report is asked for next.
 */
@Component("expireConventionDelegate")
@RequiredArgsConstructor
public class ExpireConventionDelegate implements JavaDelegate {

    private final ConventionService conventions;

    @Override
    public void execute(DelegateExecution execution) {
        conventions.expire((String) execution.getVariable(CONVENTION_NUMBER));
        execution.setVariable(CONVENTION_ENDING, "EXPIRED");
    }
}
