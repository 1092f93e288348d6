package bj.gouv.masm.funding.process;

import static bj.gouv.masm.funding.FundingVariables.INVITATION_ID;

import bj.gouv.masm.funding.CampaignService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the campaign's invitation (or a reminder) to the partner: an event the letters feature turns into a letter. */
@Component("sendInvitationDelegate")
@RequiredArgsConstructor
public class SendInvitationDelegate implements JavaDelegate {

    private final CampaignService service;

    @Override
    public void execute(DelegateExecution execution) {
        service.invite(((Number) execution.getVariable(INVITATION_ID)).longValue());
    }
}
