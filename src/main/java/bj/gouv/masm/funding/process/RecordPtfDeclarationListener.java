package bj.gouv.masm.funding.process;

import static bj.gouv.masm.funding.FundingVariables.*;

import bj.gouv.masm.funding.FundedActivityService;
import bj.gouv.masm.funding.PtfDeclarationService;
import bj.gouv.masm.shared.FormInputException;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_RecordPtfDeclaration. On create: how many activities the PTF has declared for the year (the DPAF
 * records them with POST /api/partners/{id}/funded-activities). On complete: {@code declarationReceived}
 * is required; "received" needs at least one activity for the year, "not received" needs a note.
 */
@Component("recordPtfDeclarationListener")
@RequiredArgsConstructor
public class RecordPtfDeclarationListener implements TaskListener {

    private final PtfDeclarationService declarations;
    private final FundedActivityService activities;

    @Override
    public void notify(DelegateTask task) {
        Long partnerId = ((Number) task.getVariable(PARTNER_ID)).longValue();
        int year = ((Number) task.getVariable(DECLARATION_YEAR)).intValue();
        int declared = activities.countForYear(partnerId, year);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(ACTIVITIES_DECLARED, declared);
            return;
        }
        Boolean answer = yesNo(task.getVariable(DECLARATION_RECEIVED));
        if (answer == null) {
            throw new FormInputException(DECLARATION_RECEIVED, "Indiquez si la déclaration du PTF a été reçue.");
        }
        task.setVariable(DECLARATION_RECEIVED, answer);
        Object notesValue = task.getVariable(DECLARATION_NOTES);
        String notes = notesValue == null || notesValue.toString().isBlank() ? null : notesValue.toString().trim();
        if (notes != null && notes.length() > 2000) {
            throw new FormInputException(DECLARATION_NOTES, "Observations : 2000 caractères au plus.");
        }
        if (answer && declared == 0) {
            throw new FormInputException(DECLARATION_RECEIVED, "Aucune activité financée n'est enregistrée pour "
                    + year + " : enregistrez les activités déclarées par le PTF avant de terminer la tâche.");
        }
        if (!answer && notes == null) {
            throw new FormInputException(DECLARATION_NOTES, "Précisez pourquoi la déclaration n'a pas été reçue.");
        }
        declarations.recordOutcome(((Number) task.getVariable(DECLARATION_ID)).longValue(), answer, notes);
    }

    /** A yes/no answer as a form submits it (Boolean, or "true"/"false" from a radio group); null if missing. */
    static Boolean yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value != null && ("true".equalsIgnoreCase(value.toString().trim()) || "false".equalsIgnoreCase(value.toString().trim()))) {
            return Boolean.parseBoolean(value.toString().trim());
        }
        return null;
    }
}
