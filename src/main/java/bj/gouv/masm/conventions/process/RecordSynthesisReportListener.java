package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.LifecycleInputException;
import java.time.Clock;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_RecordSynthesisReport completed (the OSC's CPS, or the DPAF for a PTF): the date the partner's report
 * was received (not in the future), the synthesis of the work carried out and the assessment of the actions
 * (required), optional recommendations; stored in convention_synthesis_report, the texts leave the process.
 */
@Component("recordSynthesisReportListener")
@RequiredArgsConstructor
public class RecordSynthesisReportListener implements TaskListener {

    private final ConventionService conventions;
    private final Clock clock;

    @Override
    public void notify(DelegateTask task) {
        LocalDate receivedOn = FORM.requiredDate(task, SYNTHESIS_RECEIVED_ON, "Date de réception du rapport");
        if (receivedOn.isAfter(LocalDate.now(clock))) {
            throw new LifecycleInputException(SYNTHESIS_RECEIVED_ON,
                    "La date de réception du rapport ne peut pas être dans le futur.");
        }
        String work = FORM.requiredText(task, SYNTHESIS_WORK_SUMMARY, "Synthèse des travaux menés");
        String assessment = FORM.requiredText(task, SYNTHESIS_ASSESSMENT, "Bilan des actions réalisées");
        String recommendations = FORM.optionalText(task, SYNTHESIS_RECOMMENDATIONS);
        if (recommendations != null && recommendations.length() > 2000) {
            throw new LifecycleInputException(SYNTHESIS_RECOMMENDATIONS,
                    "Le champ « Recommandations » est trop long (2000 caractères au plus).");
        }
        conventions.recordSynthesis((String) task.getVariable(CONVENTION_NUMBER), receivedOn, work, assessment,
                recommendations);
        // the texts now live in convention_synthesis_report
        for (String key : new String[] {SYNTHESIS_WORK_SUMMARY, SYNTHESIS_ASSESSMENT, SYNTHESIS_RECOMMENDATIONS}) {
            task.getExecution().getProcessInstance().removeVariable(key);
        }
    }
}
