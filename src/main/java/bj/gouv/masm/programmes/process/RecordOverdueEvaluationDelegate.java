package bj.gouv.masm.programmes.process;

import static bj.gouv.masm.programmes.ProgrammeVariables.EVALUATION_ID;

import bj.gouv.masm.programmes.ProgrammeEvaluationService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The evaluation was not done by its due date: marked OVERDUE (the DPAF task stays open). */
@Component("recordOverdueEvaluationDelegate")
@RequiredArgsConstructor
public class RecordOverdueEvaluationDelegate implements JavaDelegate {

    private final ProgrammeEvaluationService service;

    @Override
    public void execute(DelegateExecution execution) {
        service.markOverdue(((Number) execution.getVariable(EVALUATION_ID)).longValue());
    }
}
