package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleVariables.DOSSIER_REFERENCE;

import bj.gouv.masm.conventions.DossierService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_AbandonDossier: the deadline for the missing documents passed; the dossier is abandoned. */
@Component("abandonDossierDelegate")
@RequiredArgsConstructor
public class AbandonDossierDelegate implements JavaDelegate {

    private final DossierService dossiers;

    @Override
    public void execute(DelegateExecution execution) {
        dossiers.abandon((String) execution.getVariable(DOSSIER_REFERENCE),
                "Pièces manquantes non remises dans le délai imparti");
    }
}
