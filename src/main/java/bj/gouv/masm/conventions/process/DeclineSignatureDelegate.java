package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.DossierService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_DeclineSignature: the SGM declined to sign; the dossier is closed (DECLINED) with the reason
 * and SignatureDeclinedEvent is published. No convention number is drawn.
 */
@Component("declineSignatureDelegate")
@RequiredArgsConstructor
public class DeclineSignatureDelegate implements JavaDelegate {

    private final DossierService dossiers;

    @Override
    public void execute(DelegateExecution execution) {
        dossiers.declineSignature((String) execution.getVariable(DOSSIER_REFERENCE),
                FORM.requiredText(execution, SIGNATURE_COMMENT, "Motif du refus"));
    }
}
