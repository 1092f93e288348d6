package bj.gouv.masm.reporting.regularisation;

import bj.gouv.masm.conventions.DossierFiledEvent;
import bj.gouv.masm.shared.EngineCalls;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an OSC files its convention dossier, any OscRegularisation waiting for it ends (message
 * {@code OscDossierFiled}, matched on the process variable {@code partnerId}). Runs in the filing's
 * transaction: both happen or neither; no regularisation waiting is not an error.
 */
@Component
@RequiredArgsConstructor
public class DossierFiledListener {

    private final EngineCalls engineCalls;

    @EventListener
    public void onDossierFiled(DossierFiledEvent event) {
        if (event.partnerId() != null) {
            engineCalls.correlateAll(RegularisationVariables.MESSAGE_DOSSIER_FILED, RegularisationVariables.PARTNER_ID, event.partnerId(),
                    RegularisationVariables.DOSSIER_REFERENCE, event.dossierReference());
        }
    }
}
