package bj.gouv.masm.conventions.process;

import static bj.gouv.masm.conventions.LifecycleInputException.FORM;
import static bj.gouv.masm.conventions.LifecycleVariables.*;

import bj.gouv.masm.conventions.ConventionApprovals;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.conventions.DossierService;
import bj.gouv.masm.conventions.DossierService.DossierRequest;
import bj.gouv.masm.conventions.LifecycleInputException;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.FormInput;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of ConventionLifecycle (StartEvent_DossierFiled): resolves the partner (partnerId, or the start
 * form's partnerQuery), files the dossier, sets the business key to its reference and the routing
 * variables. Any refusal rolls the whole start back: nothing is persisted.
 */
@Component("fileDossierListener")
@RequiredArgsConstructor
public class FileDossierListener implements ExecutionListener {

    private final DossierService dossiers;
    private final ReferenceDataService reference;
    private final ConventionApprovals approvals;

    @Override
    public void notify(DelegateExecution execution) {
        Long partnerId = partnerId(execution.getVariable(PARTNER_ID));
        Partner partner = dossiers.resolvePartner(partnerId, FORM.optionalText(execution, PARTNER_QUERY));
        Integer duration = null;
        if (execution.getVariable(REQUESTED_DURATION_MONTHS) != null) {
            duration = FORM.requiredInteger(execution, REQUESTED_DURATION_MONTHS, "Durée souhaitée (mois)", 6, 60);
        }
        DossierRequest request = new DossierRequest(
                checked(execution, REQUESTED_AXES, ReferenceCategory.COOPERATION_AXIS, "Axes de coopération"),
                checked(execution, REQUESTED_DOMAINS, ReferenceCategory.DOMAIN, "Domaines d'intervention"),
                checked(execution, REQUESTED_DEPARTMENTS, ReferenceCategory.DEPARTMENT, "Départements d'intervention"),
                duration, FORM.optionalText(execution, COOPERATION_OBJECT));
        Dossier dossier = dossiers.file(partner, request, execution.getProcessInstanceId());
        // a CPS files only for partners of its own department (the whole start is rolled back otherwise)
        approvals.requireOwnDepartmentAtFiling(dossier.getDepartment());

        execution.setProcessBusinessKey(dossier.getReference());
        execution.setVariable(PARTNER_ID, partner.getId());
        execution.setVariable(PARTNER_KIND, partner.getKind().name());
        execution.setVariable(DEPARTMENT, dossier.getDepartment());
        execution.setVariable(CPS_GROUP, dossier.getDepartment() == null ? null : Groups.cps(dossier.getDepartment()));
        execution.setVariable(DOSSIER_REFERENCE, dossier.getReference());
        // what the dossier asks for now lives in the dossier table
        for (String key : new String[] {PARTNER_QUERY, REQUESTED_AXES, REQUESTED_DOMAINS, REQUESTED_DEPARTMENTS,
                REQUESTED_DURATION_MONTHS, COOPERATION_OBJECT}) {
            execution.removeVariable(key);
        }
    }

    private Set<String> checked(DelegateExecution execution, String key, ReferenceCategory category, String label) {
        Set<String> codes = FormInput.codes(execution.getVariable(key));
        for (String code : codes) {
            if (!reference.isValid(category, code)) {
                throw new LifecycleInputException(key, "« " + label + " » : code inconnu « " + code + " ».");
            }
        }
        return codes;
    }

    private static Long partnerId(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new LifecycleInputException(PARTNER_ID, "L'identifiant du partenaire doit être un nombre entier.");
        }
    }
}
