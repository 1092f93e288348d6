package bj.gouv.masm.funding;

import bj.gouv.masm.conventions.DossierFiledEvent;
import bj.gouv.masm.shared.EngineCalls;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an invited partner files its convention dossier, its PartnerInvitation ends (message
 * {@code InvitedPartnerDossierFiled}, matched on {@code partnerId}), in the filing's transaction.
 * No invitation waiting is not an error.
 */
@Component
@RequiredArgsConstructor
public class InvitedPartnerDossierFiledListener {

    private final EngineCalls engineCalls;

    @EventListener
    public void onDossierFiled(DossierFiledEvent event) {
        if (event.partnerId() != null) {
            engineCalls.correlateAll(FundingVariables.MESSAGE_INVITED_DOSSIER_FILED, FundingVariables.PARTNER_ID, event.partnerId(),
                    FundingVariables.DOSSIER_REFERENCE, event.dossierReference());
        }
    }
}
