package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.conventions.DossierService;
import java.util.HashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RequestRenewal: opens the renewal dossier and starts its own ConventionLifecycle (message
 * start ConventionRenewalRequested, business key = the new dossier reference), which goes straight to
 * Task_SignConvention. This instance waits for the successor's signature or the end date.
 */
@Component("requestRenewalDelegate")
@RequiredArgsConstructor
public class RequestRenewalDelegate implements JavaDelegate {

    private final DossierService dossiers;
    private final ConventionService conventions;
    private final RuntimeService runtimeService;

    @Override
    public void execute(DelegateExecution execution) {
        Convention current = conventions.get((String) execution.getVariable(CONVENTION_NUMBER));
        Dossier original = dossiers.get((String) execution.getVariable(DOSSIER_REFERENCE));
        Dossier renewal = dossiers.fileRenewal(current, original);
        Map<String, Object> variables = new HashMap<>();
        variables.put(PARTNER_ID, execution.getVariable(PARTNER_ID));
        variables.put(PARTNER_KIND, execution.getVariable(PARTNER_KIND));
        variables.put(DEPARTMENT, execution.getVariable(DEPARTMENT));
        variables.put(CPS_GROUP, execution.getVariable(CPS_GROUP));
        variables.put(DOSSIER_REFERENCE, renewal.getReference());
        variables.put(RENEWAL_OF, current.getNumber());
        ProcessInstance successor = runtimeService.createMessageCorrelation(MESSAGE_RENEWAL_REQUESTED)
                .processInstanceBusinessKey(renewal.getReference())
                .setVariables(variables)
                .correlateStartMessage();
        dossiers.attachProcess(renewal.getReference(), successor.getId());
    }
}
