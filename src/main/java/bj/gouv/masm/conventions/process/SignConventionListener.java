package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionTerms;
import bj.gouv.masm.conventions.LifecycleInputException;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_SignConvention completed (SGM): signature date (not in the future), duration 6..60 months, partner
 * signatory and the mandatory elements are checked; ServiceTask_RegisterConvention then registers it.
 */
@Component("signConventionListener")
public class SignConventionListener implements TaskListener {

    private final Clock clock;

    public SignConventionListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        validate(task, clock);
    }

    static void validate(org.camunda.bpm.engine.delegate.VariableScope scope, Clock clock) {
        LocalDate signedOn = TaskInputs.requiredDate(scope, SIGNED_ON, "Date de signature", clock.getZone());
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw new LifecycleInputException(SIGNED_ON, "La date de signature ne peut pas être dans le futur.");
        }
        TaskInputs.requiredInteger(scope, DURATION_MONTHS, "Durée (mois)", ConventionTerms.MIN_DURATION_MONTHS,
                ConventionTerms.MAX_DURATION_MONTHS);
        TaskInputs.requiredText(scope, PARTNER_SIGNATORY, "Signataire pour le partenaire");
        TaskInputs.requiredText(scope, OBLIGATIONS, "Obligations des parties");
        TaskInputs.requiredText(scope, MONITORING_ARRANGEMENT, "Dispositif de suivi-évaluation");
        TaskInputs.requiredText(scope, RENEWAL_CONDITIONS, "Conditions de renouvellement");
        TaskInputs.requiredText(scope, ACCOMPANIMENT, "Modalités d'accompagnement");
        TaskInputs.requiredText(scope, ACCOUNTABILITY, "Système de redevabilité (rapports)");
    }
}
