package bj.gouv.masm.letters;

import bj.gouv.masm.funding.FrameworkCommunicatedEvent;
import bj.gouv.masm.funding.PtfInvitedEvent;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The letters of the campaigns (issue 14): a PTF without a collaboration document invited to file a
 * dossier, an OSC told by its CPS about the cooperation framework; each reminder is a letter of its own.
 * Written in the transaction of the invitation, like every letter.
 */
@Component
@RequiredArgsConstructor
public class CampaignLetters {

    private final Outbox outbox;
    private final PartnerReadQueries partners;
    private final ReferenceDataService reference;

    @EventListener
    public void ptfInvited(PtfInvitedEvent event) {
        Partner partner = partner(event.partnerId());
        String reference = "CAMP-" + event.campaignId();
        outbox.toPartner(LetterKind.PTF_INVITATION, partner, reference, null, model(event.reminder(), null), List.of(),
                "PTF_INVITATION:" + event.campaignId() + ":" + event.partnerId() + ":" + event.reminder());
    }

    @EventListener
    public void frameworkCommunicated(FrameworkCommunicatedEvent event) {
        Partner partner = partner(event.partnerId());
        String reference = "CAMP-" + event.campaignId();
        Map<String, Object> model = model(event.reminder(),
                this.reference.label(ReferenceCategory.DEPARTMENT, event.department()));
        outbox.toPartner(LetterKind.FRAMEWORK_COMMUNICATION, partner, reference, event.department(), model, List.of(),
                "FRAMEWORK_COMMUNICATION:" + event.campaignId() + ":" + event.partnerId() + ":" + event.reminder());
    }

    private static Map<String, Object> model(int reminder, String departmentLabel) {
        Map<String, Object> model = new HashMap<>();
        model.put("reminder", reminder > 0);
        if (departmentLabel != null) {
            model.put("departmentLabel", departmentLabel);
        }
        return model;
    }

    private Partner partner(Long id) {
        return partners.findById(id).orElseThrow(() -> new IllegalStateException("Unknown partner " + id));
    }
}
