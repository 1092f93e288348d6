package bj.gouv.masm.reporting.regularisation.process;

import static bj.gouv.masm.reporting.regularisation.RegularisationVariables.*;

import bj.gouv.masm.reporting.ReportingFormException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completion of Task_FollowUpOsc: the outcome is REMINDED or CEASED; notes are required when ceased. */
@Component("followUpOscListener")
public class FollowUpOscListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(FOLLOW_UP_OUTCOME);
        if (!OUTCOME_REMINDED.equals(outcome) && !OUTCOME_CEASED.equals(outcome)) {
            throw new ReportingFormException("Choisissez l'issue du suivi : OSC relancée ou activités cessées.");
        }
        Object notes = task.getVariable(FOLLOW_UP_NOTES);
        if (OUTCOME_CEASED.equals(outcome) && (notes == null || notes.toString().isBlank())) {
            throw new ReportingFormException("Décrivez ce qui a été constaté (l'OSC a cessé ses activités).");
        }
    }
}
