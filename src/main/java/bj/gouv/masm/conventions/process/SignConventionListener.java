package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionTerms;
import bj.gouv.masm.conventions.DossierService;
import bj.gouv.masm.conventions.LifecycleInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_SignConvention completed (SGM). The decision {@code signatureDecision}: SIGNED (the default when
 * absent) checks the signature date (not in the future), the duration 6..60 months, the partner signatory and
 * the mandatory elements, then ServiceTask_RegisterConvention registers it; RETURNED (back to the DPAF review)
 * and DECLINED (ServiceTask_DeclineSignature closes the dossier) need {@code signatureComment}.
 */
@Component("signConventionListener")
@RequiredArgsConstructor
public class SignConventionListener implements TaskListener {

    public enum Decision { SIGNED, RETURNED, DECLINED }

    private final DossierService dossiers;
    private final Clock clock;

    @Override
    public void notify(DelegateTask task) {
        Decision decision = decision(task);
        task.setVariable(SIGNATURE_DECISION, decision.name());
        switch (decision) {
            case SIGNED -> validate(task, clock);
            case RETURNED -> {
                String comment = comment(task, "Renvoi à la DPAF : indiquez ce que la DPAF doit revoir.");
                dossiers.returnFromSignature((String) task.getVariable(DOSSIER_REFERENCE), comment);
            }
            case DECLINED -> comment(task, "Refus de signer : le motif est obligatoire (il est communiqué au partenaire).");
        }
    }

    static Decision decision(org.camunda.bpm.engine.delegate.VariableScope scope) {
        Object value = scope.getVariable(SIGNATURE_DECISION);
        if (value == null || value.toString().isBlank()) {
            return Decision.SIGNED;
        }
        try {
            return Decision.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LifecycleInputException(SIGNATURE_DECISION, "Choisissez la décision : signer (SIGNED), "
                    + "renvoyer à la DPAF (RETURNED) ou refuser de signer (DECLINED).");
        }
    }

    private static String comment(org.camunda.bpm.engine.delegate.VariableScope scope, String missing) {
        String comment = FORM.optionalText(scope, SIGNATURE_COMMENT);
        if (comment == null) {
            throw new LifecycleInputException(SIGNATURE_COMMENT, missing);
        }
        if (comment.length() > 2000) {
            throw new LifecycleInputException(SIGNATURE_COMMENT, "Le commentaire est trop long (2000 caractères au plus).");
        }
        return comment;
    }

    static void validate(org.camunda.bpm.engine.delegate.VariableScope scope, Clock clock) {
        LocalDate signedOn = FORM.requiredDate(scope, SIGNED_ON, "Date de signature");
        if (signedOn.isAfter(LocalDate.now(clock))) {
            throw new LifecycleInputException(SIGNED_ON, "La date de signature ne peut pas être dans le futur.");
        }
        FORM.requiredInteger(scope, DURATION_MONTHS, "Durée (mois)", ConventionTerms.MIN_DURATION_MONTHS,
                ConventionTerms.MAX_DURATION_MONTHS);
        FORM.requiredText(scope, PARTNER_SIGNATORY, "Signataire pour le partenaire");
        FORM.requiredText(scope, OBLIGATIONS, "Obligations des parties");
        FORM.requiredText(scope, MONITORING_ARRANGEMENT, "Dispositif de suivi-évaluation");
        FORM.requiredText(scope, RENEWAL_CONDITIONS, "Conditions de renouvellement");
        FORM.requiredText(scope, ACCOMPANIMENT, "Modalités d'accompagnement");
        FORM.requiredText(scope, ACCOUNTABILITY, "Système de redevabilité (rapports)");
    }
}
