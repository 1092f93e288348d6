package bj.gouv.masm.reporting.process;

import static bj.gouv.masm.conventions.LifecycleVariables.REVOCATION_REASON;
import static bj.gouv.masm.reporting.ReportingVariables.*;

import bj.gouv.masm.reporting.AccreditationRevocationService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Revocation confirmed: the lifecycle receives AccreditationRevoked and the convention is REVOKED. */
@Component("revokeAccreditationDelegate")
@RequiredArgsConstructor
public class RevokeAccreditationDelegate implements JavaDelegate {

    private final AccreditationRevocationService revocation;

    @Override
    public void execute(DelegateExecution execution) {
        String reason = (String) execution.getVariable(REVOCATION_REASON);
        String missed = (String) execution.getVariable(MISSED_QUARTERS);
        String text = "Retrait d'agrément (rapports trimestriels : " + missed + ")"
                + (reason == null || reason.isBlank() ? "" : " — " + reason.trim());
        revocation.revoke((String) execution.getVariable(CONVENTION_NUMBER), text);
    }
}
