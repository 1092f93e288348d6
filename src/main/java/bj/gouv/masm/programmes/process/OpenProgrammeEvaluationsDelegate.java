package bj.gouv.masm.programmes.process;

import static bj.gouv.masm.programmes.ProgrammeVariables.YEAR_TO_OPEN;

import bj.gouv.masm.programmes.ProgrammeEvaluationService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ProgrammeEvaluationCalendar: one ProgrammeEvaluation per ACTIVE programme over five years old for the
 * current year (or {@code yearToOpen}). Input parameter {@code evaluationPeriod} (ISO-8601, default P90D).
 */
@Component("openProgrammeEvaluationsDelegate")
@RequiredArgsConstructor
public class OpenProgrammeEvaluationsDelegate implements JavaDelegate {

    private final ProgrammeEvaluationService service;
    private final Clock clock;

    @Override
    public void execute(DelegateExecution execution) {
        Object year = execution.getVariable(YEAR_TO_OPEN);
        Object period = execution.getVariable("evaluationPeriod");
        ProgrammeEvaluationService.OpeningResult result = service.openDue(
                year == null ? LocalDate.now(clock).getYear() : Integer.parseInt(year.toString().trim()),
                period == null ? ProgrammeEvaluationService.DEFAULT_EVALUATION_PERIOD : Period.parse(period.toString().trim()));
        execution.setVariable("evaluationsOpened", result.opened().size());
    }
}
