package bj.gouv.masm.reporting.regularisation.process;

import static bj.gouv.masm.reporting.regularisation.RegularisationVariables.*;

import bj.gouv.masm.reporting.regularisation.OscRegularisationService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Matches the reported OSC in the registry or registers it; the process keeps only references. */
@Component("registerUnaccreditedOscDelegate")
@RequiredArgsConstructor
public class RegisterUnaccreditedOscDelegate implements JavaDelegate {

    private final OscRegularisationService service;

    @Override
    public void execute(DelegateExecution execution) {
        OscRegularisationService.Registration registration = service.register(new OscRegularisationService.Report(
                (String) execution.getVariable(OSC_NAME), (String) execution.getVariable(REGISTRATION_NUMBER),
                (String) execution.getVariable(ORGANISATION_TYPE), (String) execution.getVariable(DEPARTMENT),
                (String) execution.getVariable(CONTACT_NAME), (String) execution.getVariable(EMAIL),
                (String) execution.getVariable(PHONE), (String) execution.getVariable(OBSERVED_ACTIVITY)),
                execution.getProcessInstanceId());
        execution.setProcessBusinessKey("REG-" + registration.regularisationId());
        execution.setVariable(REGULARISATION_ID, registration.regularisationId());
        execution.setVariable(PARTNER_ID, registration.partnerId());
        execution.setVariable(PARTNER_NAME, registration.partnerName());
        execution.setVariable(PARTNER_MATCHED, registration.partnerMatched());
        execution.setVariable(ALREADY_ACCREDITED, registration.alreadyAccredited());
        for (String personal : new String[] {CONTACT_NAME, EMAIL, PHONE, OBSERVED_ACTIVITY}) {
            execution.removeVariable(personal);
        }
    }
}
