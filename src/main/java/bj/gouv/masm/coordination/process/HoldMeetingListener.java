package bj.gouv.masm.coordination.process;

import static bj.gouv.masm.coordination.CoordinationFormException.FORM;
import static bj.gouv.masm.coordination.CoordinationVariables.*;

import bj.gouv.masm.coordination.CoordinationFormException;
import bj.gouv.masm.coordination.CoordinationService;
import bj.gouv.masm.reviews.RecommendationInput;
import bj.gouv.masm.reviews.RecommendationService;
import bj.gouv.masm.shared.FormInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Task_HoldMeeting. On create: context and the partners one may record as present. On complete: held
 * (date not in the future, minutes, participants ≥ 1, partners present, recommendations into the
 * register) or postponed (reason required; the secretariat plans it again).
 */
@Component("holdMeetingListener")
@RequiredArgsConstructor
public class HoldMeetingListener implements TaskListener {

    private final CoordinationService service;
    private final RecommendationService recommendations;
    private final Clock clock;

    @Override
    public void notify(DelegateTask task) {
        Long meetingId = ((Number) task.getVariable(MEETING_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(MEETING_CONTEXT, service.describe(meetingId));
            task.setVariableLocal(PARTNER_OPTIONS, SpinValues.jsonValue(FormInput.toJson(service.partnerOptions())).create());
            return;
        }
        String notAnswered = "Indiquez si la réunion s'est tenue.";
        Boolean held = FORM.optionalBoolean(task.getVariable(MEETING_HELD), notAnswered);
        if (held == null) {
            throw new CoordinationFormException(notAnswered);
        }
        task.setVariable(MEETING_HELD, held);
        if (!held) {
            String reason = FormInput.optionalText(task.getVariable(POSTPONEMENT_REASON));
            if (reason == null) {
                throw new CoordinationFormException("Indiquez pourquoi la réunion est reportée.");
            }
            service.postpone(meetingId, reason);
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate heldOn = FORM.requiredDate(task.getVariable(HELD_ON), "date de tenue");
        if (heldOn.isAfter(today)) {
            throw new CoordinationFormException("La date de tenue ne peut pas être dans le futur.");
        }
        String minutes = FORM.requiredText(task.getVariable(MINUTES), "compte rendu", 8000);
        int participants = FORM.requiredPositiveInteger(task.getVariable(PARTICIPANTS_COUNT), "nombre de participants");
        List<Long> present = service.partnerIds(task.getVariable(PARTNERS_PRESENT));
        List<RecommendationInput> inputs = recommendations.validateFormItems(task.getVariable(RECOMMENDATIONS), heldOn);
        service.hold(meetingId, heldOn, minutes, participants, present, inputs);
    }
}
