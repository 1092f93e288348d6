package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionApprovals;
import bj.gouv.masm.conventions.DossierService;
import bj.gouv.masm.conventions.LifecycleInputException;
import bj.gouv.masm.conventions.RequiredDocuments;
import bj.gouv.masm.shared.FormInput;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_CheckDossier completed (CPS): checks the answer, records the check and the documents received. */
@Component("checkDossierListener")
@RequiredArgsConstructor
public class CheckDossierListener implements TaskListener {

    private final DossierService dossiers;
    private final RequiredDocuments requiredDocuments;
    private final ConventionApprovals approvals;

    @Override
    public void notify(DelegateTask task) {
        // the dossier's department as recorded at filing, not the case variables
        approvals.requireOwnDossier(dossiers.get((String) task.getVariable(DOSSIER_REFERENCE)),
                task.getProcessInstanceId(), DOSSIER_COMPLETE);
        boolean complete = FORM.requiredBoolean(task, DOSSIER_COMPLETE, "Le dossier est-il complet ?");
        String missing = FORM.optionalText(task, MISSING_DOCUMENTS);
        if (!complete && missing == null) {
            throw new LifecycleInputException(MISSING_DOCUMENTS,
                    "Le dossier est incomplet : indiquez les pièces manquantes à demander au partenaire.");
        }
        Set<String> received = receivedDocuments(task, requiredDocuments);
        dossiers.recordCheck((String) task.getVariable(DOSSIER_REFERENCE), complete, missing, received,
                FORM.optionalText(task, CHECK_COMMENT));
        task.setVariable(DOSSIER_COMPLETE, complete); // Tasklist's radio submits "true"/"false"
        if (!complete) {
            task.setVariable(MISSING_DOCUMENTS_REQUESTED_BY, TASK_CHECK_DOSSIER);
        }
    }

    static Set<String> receivedDocuments(DelegateTask task, RequiredDocuments requiredDocuments) {
        Set<String> received = FormInput.codes(task.getVariable(RECEIVED_DOCUMENTS));
        for (String code : received) {
            if (!requiredDocuments.exists(code)) {
                throw new LifecycleInputException(RECEIVED_DOCUMENTS, "Pièce inconnue dans la liste : « " + code + " ».");
            }
        }
        return received;
    }
}
