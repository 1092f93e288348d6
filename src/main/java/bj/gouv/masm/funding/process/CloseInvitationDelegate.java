package bj.gouv.masm.funding.process;

import static bj.gouv.masm.funding.FundingVariables.*;

import bj.gouv.masm.funding.CampaignService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends the invitation with the local input parameter {@code closingStatus}: DOSSIER_FILED or CLOSED. */
@Component("closeInvitationDelegate")
@RequiredArgsConstructor
public class CloseInvitationDelegate implements JavaDelegate {

    private final CampaignService service;

    @Override
    public void execute(DelegateExecution execution) {
        Object notes = execution.getVariable(FOLLOW_UP_NOTES);
        service.close(((Number) execution.getVariable(INVITATION_ID)).longValue(),
                String.valueOf(execution.getVariableLocal(CLOSING_STATUS)),
                (String) execution.getVariable(DOSSIER_REFERENCE), notes == null ? null : notes.toString());
    }
}
