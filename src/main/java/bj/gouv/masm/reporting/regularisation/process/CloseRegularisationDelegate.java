package bj.gouv.masm.reporting.regularisation.process;

import bj.gouv.masm.reporting.regularisation.OscRegularisationService;
import bj.gouv.masm.reporting.regularisation.RegularisationVariables;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Closes the regularisation with the status given by the local variable {@code closingStatus} (input parameter in the model)
 * (REGULARISED when the dossier is filed, CEASED when the OSC stopped its activities).
 */
@Component("closeRegularisationDelegate")
@RequiredArgsConstructor
public class CloseRegularisationDelegate implements JavaDelegate {

    private final OscRegularisationService service;

    @Override
    public void execute(DelegateExecution execution) {
        Object status = execution.getVariableLocal("closingStatus");
        service.close((Long) execution.getVariable(RegularisationVariables.REGULARISATION_ID), String.valueOf(status),
                (String) execution.getVariable(RegularisationVariables.DOSSIER_REFERENCE));
    }

}
