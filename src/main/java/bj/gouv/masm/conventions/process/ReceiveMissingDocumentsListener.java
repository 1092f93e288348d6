package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.DossierService;
import bj.gouv.masm.conventions.RequiredDocuments;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ReceiveMissingDocuments completed: records the documents; the dossier goes back to the step that asked. */
@Component("receiveMissingDocumentsListener")
@RequiredArgsConstructor
public class ReceiveMissingDocumentsListener implements TaskListener {

    private final DossierService dossiers;
    private final RequiredDocuments requiredDocuments;

    @Override
    public void notify(DelegateTask task) {
        dossiers.documentsReceived((String) task.getVariable(DOSSIER_REFERENCE),
                CheckDossierListener.receivedDocuments(task, requiredDocuments));
    }
}
