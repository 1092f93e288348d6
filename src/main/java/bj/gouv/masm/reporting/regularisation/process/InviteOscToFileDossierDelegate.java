package bj.gouv.masm.reporting.regularisation.process;

import bj.gouv.masm.reporting.regularisation.OscRegularisationService;
import bj.gouv.masm.reporting.regularisation.RegularisationVariables;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Invites (or reminds) the OSC to file a convention dossier: a notification in the mail log. */
@Component("inviteOscToFileDossierDelegate")
@RequiredArgsConstructor
public class InviteOscToFileDossierDelegate implements JavaDelegate {

    private final OscRegularisationService service;

    @Override
    public void execute(DelegateExecution execution) {
        service.invite((Long) execution.getVariable(RegularisationVariables.REGULARISATION_ID));
    }
}
