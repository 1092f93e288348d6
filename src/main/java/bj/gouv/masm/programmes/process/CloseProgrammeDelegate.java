package bj.gouv.masm.programmes.process;

import static bj.gouv.masm.programmes.ProgrammeVariables.*;

import bj.gouv.masm.programmes.ProgrammeEvaluationService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The evaluation concluded CLOSE: the programme leaves the portfolio (status CLOSED, no further evaluation). */
@Component("closeProgrammeDelegate")
@RequiredArgsConstructor
public class CloseProgrammeDelegate implements JavaDelegate {

    private final ProgrammeEvaluationService service;

    @Override
    public void execute(DelegateExecution execution) {
        service.closeProgramme(((Number) execution.getVariable(PROGRAMME_ID)).longValue(),
                "Évaluation " + execution.getVariable(EVALUATION_YEAR) + " : clôture");
    }
}
