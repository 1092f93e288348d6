package bj.gouv.masm.coordination.process;

import static bj.gouv.masm.coordination.CoordinationVariables.DATE_TO_OPEN;

import bj.gouv.masm.coordination.CoordinationFormException;
import bj.gouv.masm.coordination.CoordinationService;
import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** CoordinationCalendar: opens the meeting of every body for the period containing today (or {@code dateToOpen}). */
@Component("openCoordinationMeetingsDelegate")
@RequiredArgsConstructor
public class OpenCoordinationMeetingsDelegate implements JavaDelegate {

    private final CoordinationService service;
    private final Clock clock;

    @Override
    public void execute(DelegateExecution execution) {
        Object day = execution.getVariable(DATE_TO_OPEN);
        LocalDate date = day == null ? LocalDate.now(clock) : CoordinationFormException.FORM.requiredDate(day, DATE_TO_OPEN);
        execution.setVariable("meetingsOpened", service.openPeriodsContaining(date).opened().size());
    }
}
