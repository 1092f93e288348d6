package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.FinalRating;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_EvaluateFinal completed (DPAF): checks the rating and the renewal request, records the evaluation. */
@Component("evaluateFinalListener")
@RequiredArgsConstructor
public class EvaluateFinalListener implements TaskListener {

    private final ConventionService conventions;

    @Override
    public void notify(DelegateTask task) {
        FinalRating rating = FORM.requiredEnum(task, FINAL_RATING, FinalRating.class, "Résultats de la convention",
                "atteints (ACHIEVED), partiellement atteints (PARTIALLY_ACHIEVED), non atteints (NOT_ACHIEVED)");
        boolean renewalRequested = FORM.requiredBoolean(task, RENEWAL_REQUESTED,
                "Le partenaire demande-t-il le renouvellement ?");
        conventions.recordFinal((String) task.getVariable(CONVENTION_NUMBER), rating,
                FORM.optionalText(task, FINAL_RECOMMENDATIONS), renewalRequested);
        // normalised for the DMN decision (Tasklist may submit strings)
        task.setVariable(FINAL_RATING, rating.name());
        task.setVariable(RENEWAL_REQUESTED, renewalRequested);
        task.getExecution().getProcessInstance().removeVariable(FINAL_RECOMMENDATIONS);
    }
}
