package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.MidTermRating;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_EvaluateMidTerm completed (DPAF): checks the rating, records the evaluation. */
@Component("evaluateMidTermListener")
@RequiredArgsConstructor
public class EvaluateMidTermListener implements TaskListener {

    private final ConventionService conventions;

    @Override
    public void notify(DelegateTask task) {
        MidTermRating rating = FORM.requiredEnum(task, MID_TERM_RATING, MidTermRating.class,
                "Appréciation à mi-parcours", "en bonne voie (ON_TRACK), à risque (AT_RISK), hors trajectoire (OFF_TRACK)");
        String recommendations = rating == MidTermRating.ON_TRACK
                ? FORM.optionalText(task, MID_TERM_RECOMMENDATIONS)
                : FORM.requiredText(task, MID_TERM_RECOMMENDATIONS, "Recommandations");
        conventions.recordMidTerm((String) task.getVariable(CONVENTION_NUMBER), rating, recommendations);
        task.getExecution().getProcessInstance().removeVariable(MID_TERM_RECOMMENDATIONS);
    }
}
