package bj.gouv.masm.coordination.process;

import static bj.gouv.masm.coordination.CoordinationVariables.MEETING_ID;

import bj.gouv.masm.coordination.CoordinationService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The meeting's period ended before it was held: recorded NOT_HELD (it counts against the indicator). */
@Component("recordMeetingNotHeldDelegate")
@RequiredArgsConstructor
public class RecordMeetingNotHeldDelegate implements JavaDelegate {

    private final CoordinationService service;

    @Override
    public void execute(DelegateExecution execution) {
        service.recordNotHeld(((Number) execution.getVariable(MEETING_ID)).longValue());
    }
}
