package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.DossierService;
import bj.gouv.masm.conventions.LifecycleInputException;
import bj.gouv.masm.conventions.RequiredDocuments;
import bj.gouv.masm.conventions.ReviewOpinion;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_ReviewDossier completed (DPAF): checks the opinion; an unfavourable one rejects the dossier with its reason. */
@Component("reviewDossierListener")
@RequiredArgsConstructor
public class ReviewDossierListener implements TaskListener {

    private final DossierService dossiers;
    private final RequiredDocuments requiredDocuments;

    @Override
    public void notify(DelegateTask task) {
        ReviewOpinion opinion = FORM.requiredEnum(task, REVIEW_OPINION, ReviewOpinion.class, "Avis",
                "favorable (FAVOURABLE), défavorable (UNFAVOURABLE), incomplet (INCOMPLETE)");
        String comment = FORM.optionalText(task, REVIEW_COMMENT);
        String missing = FORM.optionalText(task, MISSING_DOCUMENTS);
        if (opinion == ReviewOpinion.UNFAVOURABLE && comment == null) {
            throw new LifecycleInputException(REVIEW_COMMENT, "Un avis défavorable doit être motivé : saisissez le motif.");
        }
        if (opinion == ReviewOpinion.INCOMPLETE && comment == null && missing == null) {
            throw new LifecycleInputException(REVIEW_COMMENT,
                    "Dossier incomplet : indiquez les pièces manquantes à demander au partenaire.");
        }
        if (comment != null && comment.length() > 2000) {
            throw new LifecycleInputException(REVIEW_COMMENT, "Le commentaire est trop long (2000 caractères au plus).");
        }
        dossiers.recordReview((String) task.getVariable(DOSSIER_REFERENCE), opinion, comment, missing,
                CheckDossierListener.receivedDocuments(task, requiredDocuments));
        task.setVariable(REVIEW_OPINION, opinion.name());
        if (opinion == ReviewOpinion.INCOMPLETE) {
            task.setVariable(MISSING_DOCUMENTS_REQUESTED_BY, TASK_REVIEW_DOSSIER);
        }
    }
}
