package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionApprovals;
import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.ConventionService.Signature;
import bj.gouv.masm.conventions.ConventionTerms;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.conventions.DossierService;
import bj.gouv.masm.shared.FormInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_RegisterConvention: registers the signed convention (number, dates, status ACTIVE) in the
 * same transaction as the signature, sets conventionNumber and the timer dates; for a renewal, tells the
 * predecessor's lifecycle that its successor is signed (it then ends with EndEvent_ConventionRenewed).
 */
@Component("registerConventionDelegate")
@RequiredArgsConstructor
public class RegisterConventionDelegate implements JavaDelegate {

    private static final String[] SIGNATURE_TEXTS = {OBLIGATIONS, MONITORING_ARRANGEMENT, RENEWAL_CONDITIONS,
            ACCOMPANIMENT, ACCOUNTABILITY};

    private final DossierService dossiers;
    private final ConventionService conventions;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final ConventionApprovals approvals;

    @Override
    public void execute(DelegateExecution execution) {
        SignConventionListener.validate(execution, clock);
        Dossier dossier = dossiers.get((String) execution.getVariable(DOSSIER_REFERENCE));
        // never on the variables alone: the case's history must hold the DPAF opinion and the SGM signature
        approvals.requireApprovals(execution.getProcessInstanceId(), dossier);
        Signature signature = new Signature(
                FORM.requiredDate(execution, SIGNED_ON, "Date de signature"),
                FORM.requiredInteger(execution, DURATION_MONTHS, "Durée (mois)", ConventionTerms.MIN_DURATION_MONTHS,
                        ConventionTerms.MAX_DURATION_MONTHS),
                FORM.requiredText(execution, PARTNER_SIGNATORY, "Signataire pour le partenaire"),
                FormInput.codes(execution.getVariable("conventionDomains")),
                FORM.requiredText(execution, OBLIGATIONS, "Obligations des parties"),
                FORM.requiredText(execution, MONITORING_ARRANGEMENT, "Dispositif de suivi-évaluation"),
                FORM.requiredText(execution, RENEWAL_CONDITIONS, "Conditions de renouvellement"),
                FORM.requiredText(execution, ACCOMPANIMENT, "Modalités d'accompagnement"),
                FORM.requiredText(execution, ACCOUNTABILITY, "Système de redevabilité (rapports)"));
        int monthsBefore = FORM.requiredInteger(execution, FINAL_EVALUATION_MONTHS_BEFORE_END,
                "Mois avant la fin pour l'évaluation finale", 0, 60);
        Convention convention = conventions.register(dossier, signature, monthsBefore, execution.getProcessInstanceId());
        dossiers.markSigned(dossier.getReference(), convention.getNumber());

        execution.setVariable(CONVENTION_NUMBER, convention.getNumber());
        execution.setVariable(MID_TERM_DUE, startOfDay(convention.getMidTermDate()));
        execution.setVariable(FINAL_EVALUATION_DUE, startOfDay(convention.getFinalEvaluationDate()));
        execution.setVariable(CONVENTION_ENDS, startOfDay(convention.getEndDate()));
        execution.setVariable(SIGNED_ON, startOfDay(signature.signedOn()));
        // the texts now live in the convention table
        for (String key : SIGNATURE_TEXTS) {
            execution.getProcessInstance().removeVariable(key);
        }
        execution.getProcessInstance().removeVariable("conventionDomains");

        if (convention.getRenewalOf() != null) {
            conventions.find(convention.getRenewalOf()).map(Convention::getProcessInstanceId).ifPresent(predecessor ->
                    runtimeService.createMessageCorrelation(MESSAGE_SUCCESSOR_SIGNED)
                            .processInstanceId(predecessor)
                            .setVariables(Map.of(SUCCESSOR_CONVENTION_NUMBER, convention.getNumber()))
                            .correlateAllWithResult());
        }
    }

    private Date startOfDay(LocalDate date) {
        return Date.from(date.atStartOfDay(clock.getZone()).toInstant());
    }
}
