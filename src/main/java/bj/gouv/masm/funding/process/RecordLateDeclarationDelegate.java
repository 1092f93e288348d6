package bj.gouv.masm.funding.process;

import static bj.gouv.masm.funding.FundingVariables.DECLARATION_ID;

import bj.gouv.masm.funding.PtfDeclarationService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The declaration's due date passed: the declaration is LATE and counted as one more reminder. */
@Component("recordLateDeclarationDelegate")
@RequiredArgsConstructor
public class RecordLateDeclarationDelegate implements JavaDelegate {

    private final PtfDeclarationService service;

    @Override
    public void execute(DelegateExecution execution) {
        service.recordLate(((Number) execution.getVariable(DECLARATION_ID)).longValue());
    }
}
