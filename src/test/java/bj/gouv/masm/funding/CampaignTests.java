package bj.gouv.masm.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.conventions.DossierFiledEvent;
import bj.gouv.masm.dashboard.SectorFixture;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.shared.FormInputException;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/** Invitation campaigns: PTFs without a collaboration document, OSCs of a department; follow-up and dossier filed. */
@RecordApplicationEvents
class CampaignTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CampaignService campaigns;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ObjectMapper json;

    SectorFixture fixture;
    Partner ptfWithoutConvention;
    Partner ptfWithConvention;

    @BeforeEach
    void setUp() {
        fixture = new SectorFixture(partners, conventions, jdbc);
        ptfWithoutConvention = ptf();
        ptfWithConvention = ptf();
        fixture.convention(ptfWithConvention, ConventionStatus.ACTIVE, LocalDate.now().minusMonths(1), 24);
        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
    }

    private Partner ptf() {
        return fixture.partner("Bailleur", PartnerKind.PTF, "LITTORAL", Set.of("ZOU"), Set.of("FAMILY"), Set.of("WOMEN"),
                Set.of("SOCIAL_AFFAIRS"), false);
    }

    private ProcessInstance invitation(Long campaignId, Partner partner) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey("INV-" + campaignId + "-" + partner.getId()).singleResult();
    }

    private String invitationStatus(Long campaignId, Partner partner) {
        return jdbc.queryForObject("select status from campaign_invitation where campaign_id = ? and partner_id = ?",
                String.class, campaignId, partner.getId());
    }

    private Task followUp(ProcessInstance instance) {
        var authentication = processEngine.getIdentityService().getCurrentAuthentication();
        processEngine.getIdentityService().clearAuthentication();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult().getId());
        processEngine.getIdentityService().setAuthentication(authentication);
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    @Test
    void shouldInvitePtfsWithoutConventionFollowThemUpAndCloseTheFollowUp() {
        CampaignService.CampaignResult result = campaigns.invitePtfsWithoutConvention();

        assertThat(result.partnerIds()).contains(ptfWithoutConvention.getId()).doesNotContain(ptfWithConvention.getId());
        assertThat(events.stream(PtfInvitedEvent.class))
                .contains(new PtfInvitedEvent(ptfWithoutConvention.getId(), result.campaignId(), 0));
        assertThat(invitationStatus(result.campaignId(), ptfWithoutConvention)).isEqualTo("INVITED");
        // a second campaign does not invite a partner whose invitation is pending
        assertThat(campaigns.invitePtfsWithoutConvention().partnerIds()).doesNotContain(ptfWithoutConvention.getId());

        ProcessInstance instance = invitation(result.campaignId(), ptfWithoutConvention);
        assertThat(instance).isWaitingAt("TimerEvent_InvitationFollowUpDue");
        Task task = followUp(instance);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(FundingVariables.TASK_FOLLOW_UP_INVITATION);
        assertThat(task.getDueDate()).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("dpaf").count()).isEqualTo(1);

        taskService.complete(task.getId(), Map.of(FundingVariables.FOLLOW_UP_OUTCOME, "REMINDED"));
        assertThat(events.stream(PtfInvitedEvent.class))
                .contains(new PtfInvitedEvent(ptfWithoutConvention.getId(), result.campaignId(), 1));
        Task second = followUp(instance);
        assertThatThrownBy(() -> taskService.complete(second.getId(), Map.of(FundingVariables.FOLLOW_UP_OUTCOME, "CLOSED")))
                .isInstanceOf(FormInputException.class);
        taskService.complete(second.getId(), Map.of(FundingVariables.FOLLOW_UP_OUTCOME, "CLOSED",
                FundingVariables.FOLLOW_UP_NOTES, "Le PTF a cessé ses activités au Bénin"));

        assertThat(instance).isEnded().hasPassed("EndEvent_InvitationClosed");
        assertThat(invitationStatus(result.campaignId(), ptfWithoutConvention)).isEqualTo("CLOSED");
    }

    @Test
    void shouldEndTheInvitationWhenThePartnerFilesItsDossier() {
        CampaignService.CampaignResult result = campaigns.invitePtfsWithoutConvention();
        ProcessInstance instance = invitation(result.campaignId(), ptfWithoutConvention);

        transactions.executeWithoutResult(tx ->
                publisher.publishEvent(new DossierFiledEvent(ptfWithoutConvention.getId(), "DOS-TEST-INV")));

        assertThat(instance).isEnded().hasPassed("EndEvent_DossierFiled");
        assertThat(invitationStatus(result.campaignId(), ptfWithoutConvention)).isEqualTo("DOSSIER_FILED");
        assertThat(jdbc.queryForObject("select dossier_reference from campaign_invitation where campaign_id = ? "
                + "and partner_id = ?", String.class, result.campaignId(), ptfWithoutConvention.getId())).isEqualTo("DOS-TEST-INV");
    }

    @Test
    void shouldLetTheCpsInformItsDepartmentsOscsOnly() throws Exception {
        processEngine.getIdentityService().clearAuthentication();
        Partner osc = fixture.osc("DONGA", "FAMILY", "WOMEN");
        Partner oscWithConvention = fixture.osc("DONGA", "FAMILY", "WOMEN");
        fixture.convention(oscWithConvention, ConventionStatus.ACTIVE, LocalDate.now().minusMonths(1), 24);
        ApiCalls api = new ApiCalls(baseUrl());

        assertThat(api.post("/api/campaigns/framework-communication?department=DONGA", "cps.zou", "").statusCode()).isEqualTo(403);
        assertThat(api.post("/api/campaigns/framework-communication?department=DONGA", "manager", "").statusCode()).isEqualTo(403);
        assertThat(api.post("/api/campaigns/framework-communication", "cps.donga", "").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/campaigns/framework-communication?department=ATLANTIDE", "cps.donga", "").statusCode()).isEqualTo(400);
        assertThat(api.post("/api/campaigns/ptf-invitations", "cps.donga", "").statusCode()).isEqualTo(403);

        HttpResponse<String> launched = api.post("/api/campaigns/framework-communication?department=DONGA", "cps.donga", "");
        assertThat(launched.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(launched.body());
        assertThat(body.get("department").asText()).isEqualTo("DONGA");
        List<Long> invited = json.convertValue(body.get("partnerIds"), json.getTypeFactory()
                .constructCollectionType(List.class, Long.class));
        assertThat(invited).contains(osc.getId()).doesNotContain(oscWithConvention.getId());

        ProcessInstance instance = invitation(body.get("campaignId").asLong(), osc);
        Task task = followUp(instance);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("cps-donga").count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(instance.getId(), "department")).isEqualTo("DONGA");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'Campaign' and entity_id = ?",
                Integer.class, body.get("campaignId").asText())).isEqualTo(1);
    }

    @Test
    void shouldPublishTheFrameworkCommunicationEventForEachOsc() {
        processEngine.getIdentityService().setAuthentication("cps.mono", List.of("cps-mono"));
        Partner osc = fixture.osc("MONO", "FAMILY", "WOMEN");
        CampaignService.CampaignResult result = campaigns.communicateFramework("Mono");
        assertThat(result.partnerIds()).contains(osc.getId());
        assertThat(events.stream(FrameworkCommunicatedEvent.class))
                .contains(new FrameworkCommunicatedEvent(osc.getId(), result.campaignId(), "MONO", 0));
    }
}
