package bj.gouv.masm.coordination.process;

import static bj.gouv.masm.coordination.CoordinationFormException.FORM;
import static bj.gouv.masm.coordination.CoordinationVariables.*;

import bj.gouv.masm.coordination.CoordinationService;
import java.time.LocalDate;
import java.time.ZoneId;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_PlanMeeting. On create: the meeting's context. On complete: date (within the period) and venue. */
@Component("planMeetingListener")
@RequiredArgsConstructor
public class PlanMeetingListener implements TaskListener {

    private final CoordinationService service;
    private final ZoneId zone;

    @Override
    public void notify(DelegateTask task) {
        Long meetingId = ((Number) task.getVariable(MEETING_ID)).longValue();
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(MEETING_CONTEXT, service.describe(meetingId));
            return;
        }
        LocalDate plannedOn = FORM.requiredDate(task.getVariable(PLANNED_ON), "date prévue");
        Object venue = task.getVariable(VENUE);
        String place = venue == null || venue.toString().isBlank() ? null : venue.toString().trim();
        service.plan(meetingId, plannedOn, place == null ? null : place.substring(0, Math.min(300, place.length())));
        task.getExecution().setVariable(MEETING_DATE,
                java.util.Date.from(plannedOn.atStartOfDay(zone).toInstant()));
    }
}
