package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.conventions.DossierService;
import bj.gouv.masm.conventions.DossierRepository;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RevokeConvention (message AccreditationRevoked): status REVOKED with the reason; a renewal
 * still waiting for its signature is cancelled with it.
 */
@Component("revokeConventionDelegate")
@RequiredArgsConstructor
public class RevokeConventionDelegate implements JavaDelegate {

    private final ConventionService conventions;
    private final DossierService dossierService;
    private final DossierRepository dossiers;
    private final RuntimeService runtimeService;

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable(CONVENTION_NUMBER);
        Object reason = execution.getVariable(REVOCATION_REASON);
        String why = reason == null || reason.toString().isBlank() ? "Agrément révoqué" : reason.toString();
        conventions.revoke(number, why);
        for (Dossier renewal : dossiers.findByRenewalOf(number)) {
            if (renewal.getStatus().isOpen()) {
                dossierService.cancel(renewal.getReference(), "Convention " + number + " révoquée : " + why);
                if (renewal.getProcessInstanceId() != null && runtimeService.createProcessInstanceQuery()
                        .processInstanceId(renewal.getProcessInstanceId()).count() > 0) {
                    runtimeService.deleteProcessInstance(renewal.getProcessInstanceId(),
                            "Convention " + number + " révoquée", true, true);
                }
            }
        }
    }
}
