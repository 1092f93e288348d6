package bj.gouv.masm.funding.process;

import static bj.gouv.masm.funding.FundingVariables.*;

import bj.gouv.masm.funding.CampaignService;
import bj.gouv.masm.shared.FormInputException;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_FollowUpInvitation (due date in its model, default 15 days). On completion: REMINDED (one more reminder) or CLOSED (observations required). */
@Component("followUpInvitationListener")
@RequiredArgsConstructor
public class FollowUpInvitationListener implements TaskListener {

    private final CampaignService service;

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(FOLLOW_UP_OUTCOME);
        if (!OUTCOME_REMINDED.equals(outcome) && !OUTCOME_CLOSED.equals(outcome)) {
            throw new FormInputException(FOLLOW_UP_OUTCOME, "Choisissez l'issue du suivi : relancer ou clôturer.");
        }
        Object notes = task.getVariable(FOLLOW_UP_NOTES);
        if (OUTCOME_CLOSED.equals(outcome) && (notes == null || notes.toString().isBlank())) {
            throw new FormInputException(FOLLOW_UP_NOTES, "Indiquez pourquoi le suivi est clôturé.");
        }
        if (notes != null && notes.toString().length() > 2000) {
            throw new FormInputException(FOLLOW_UP_NOTES, "Observations : 2000 caractères au plus.");
        }
        if (OUTCOME_REMINDED.equals(outcome)) {
            service.countReminder(((Number) task.getVariable(INVITATION_ID)).longValue());
        }
    }
}
