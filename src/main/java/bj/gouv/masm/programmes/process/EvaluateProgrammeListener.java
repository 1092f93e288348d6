package bj.gouv.masm.programmes.process;

import static bj.gouv.masm.programmes.ProgrammeVariables.*;

import bj.gouv.masm.programmes.ProgrammeEvaluationService;
import bj.gouv.masm.reviews.RecommendationInput;
import bj.gouv.masm.reviews.RecommendationService;
import bj.gouv.masm.shared.FormInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_EvaluateProgramme. On create: the programme's context for the form. On complete: a conclusion
 * CONTINUE / REVISE / CLOSE and findings are required; recommendations (dynamic list) are checked and go
 * into the recommendations register.
 */
@Component("evaluateProgrammeListener")
@RequiredArgsConstructor
public class EvaluateProgrammeListener implements TaskListener {

    private final ProgrammeEvaluationService service;
    private final RecommendationService recommendations;
    private final Clock clock;

    @Override
    public void notify(DelegateTask task) {
        Long programmeId = ((Number) task.getVariable(PROGRAMME_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(PROGRAMME_CONTEXT, service.describe(programmeId));
            return;
        }
        Object conclusion = task.getVariable(CONCLUSION);
        if (conclusion == null || !Set.of(CONTINUE, REVISE, CLOSE).contains(conclusion.toString())) {
            throw new FormInputException(CONCLUSION, "Choisissez la conclusion : poursuivre, réviser ou clôturer le programme.");
        }
        Object findingsValue = task.getVariable(FINDINGS);
        String findings = findingsValue == null ? "" : findingsValue.toString().trim();
        if (findings.isEmpty()) {
            throw new FormInputException(FINDINGS, "Les constats de l'évaluation sont obligatoires.");
        }
        if (findings.length() > 4000) {
            throw new FormInputException(FINDINGS, "Constats : 4000 caractères au plus.");
        }
        List<RecommendationInput> inputs = recommendations.validateFormItems(task.getVariable(RECOMMENDATIONS),
                LocalDate.now(clock));
        service.record(((Number) task.getVariable(EVALUATION_ID)).longValue(), conclusion.toString(), findings, inputs);
    }
}
