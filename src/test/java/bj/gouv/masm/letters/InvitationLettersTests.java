package bj.gouv.masm.letters;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.funding.CampaignService;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.reviews.HalfYear;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Invitations: an unaccredited OSC invited to regularise; the partners invited to a departmental review. */
class InvitationLettersTests extends LettersTestSupport {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(SMTP).withPerMethodLifecycle(true);

    @Autowired
    ConventionRepository conventions;

    @Autowired
    CampaignService campaigns;

    @Test
    void shouldInviteAnUnaccreditedOscToFileADossierAtItsCps() throws Exception {
        String address = uniqueAddress();
        Map<String, Object> form = new HashMap<>();
        form.put("oscName", "Association Lettre " + UUID.randomUUID().toString().substring(0, 8));
        form.put("department", "BORGOU");
        form.put("contactName", "Mme Adjovi");
        form.put("email", address);
        form.put("observedActivity", "Distribution de kits scolaires à Parakou");
        processEngine.getIdentityService().setAuthentication("cps.borgou", List.of("cps-borgou"));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey("OscRegularisation", form);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }

        sender.sendDue();
        greenMail.waitForIncomingEmail(5000, 1);
        List<MimeMessage> mails = to(greenMail.getReceivedMessages(), address);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("Invitation").contains("CPS Borgou");
        assertThat(text(mails.get(0))).contains("sans convention").contains("déposer votre dossier")
                .contains(instance.getBusinessKey());
    }

    @Test
    void shouldInviteThePartnersOfADepartmentalReviewWithItsDateAndVenue() throws Exception {
        String address = uniqueAddress();
        Partner osc = partner(PartnerKind.OSC, "DONGA", address);
        Convention convention = new Convention(nextConventionNumber(2068), osc.getId(), "DONGA", LocalDate.of(2068, 1, 2),
                24, LocalDate.of(2068, 1, 2), LocalDate.of(2070, 1, 2), LocalDate.of(2069, 1, 2), LocalDate.of(2069, 10, 2));
        convention.touch("test", OffsetDateTime.now());
        conventions.saveAndFlush(convention);
        HalfYear halfYear = new HalfYear(2068, 1);
        ClockUtil.setCurrentTime(Date.from(LocalDate.of(2068, 6, 1).atTime(8, 0).atZone(ZONE).toInstant()));
        runtimeService.startProcessInstanceByMessage("OpenHalfYear", halfYear.toString(),
                Map.of("halfYear", halfYear.toString()));
        ProcessInstance review = runtimeService.createProcessInstanceQuery().processDefinitionKey("DepartmentalReview")
                .processInstanceBusinessKey("DONGA_" + halfYear).singleResult();
        Task prepare = taskService.createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey("Task_PrepareDepartmentalReview").singleResult();
        taskService.complete(prepare.getId(), Map.of("plannedOn", "2068-06-20", "venue", "Salle de conférence du CPS Donga"));

        sender.sendDue();
        greenMail.waitForIncomingEmail(5000, 1);
        List<MimeMessage> mails = to(greenMail.getReceivedMessages(), address);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("Donga").contains("2068-S1");
        assertThat(text(mails.get(0))).contains("20 juin 2068").contains("Salle de conférence du CPS Donga")
                .contains("DONGA_2068-S1");
        assertThat(letterOf(osc, LetterKind.REVIEW_INVITATION).caseReference()).isEqualTo("DONGA_2068-S1");
    }

    @Test
    void shouldWriteToEachPtfInvitedToFileADossier() throws Exception {
        String address = uniqueAddress();
        Partner ptf = partner(PartnerKind.PTF, "ALIBORI", address);

        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
        CampaignService.CampaignResult campaign;
        try {
            campaign = campaigns.invitePtfsWithoutConvention();
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }

        assertThat(campaign.partnerIds()).contains(ptf.getId());
        sender.sendDue();
        greenMail.waitForIncomingEmail(5000, 1);
        List<MimeMessage> mails = to(greenMail.getReceivedMessages(), address);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).startsWith("Invitation").contains("document de collaboration");
        assertThat(text(mails.get(0))).contains(ptf.getName()).contains("DPAF").contains("CAMP-" + campaign.campaignId());
        assertThat(letterOf(ptf, LetterKind.PTF_INVITATION).caseReference()).isEqualTo("CAMP-" + campaign.campaignId());
    }
}
