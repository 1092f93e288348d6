package bj.gouv.masm.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.dashboard.SectorFixture;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.reporting.CommuneDirectory;
import bj.gouv.masm.shared.FormInputException;
import bj.gouv.masm.support.IntegrationTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The yearly PtfDeclaration: opening (idempotent), received / not received, the late timer, the API. */
class PtfDeclarationTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PtfDeclarationService declarations;
    @Autowired
    FundedActivityService activities;
    @Autowired
    CommuneDirectory communes;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;

    SectorFixture fixture;
    Partner ptf;
    Partner otherPtf;
    Partner ptfWithoutConvention;
    int year;

    @BeforeEach
    void setUp() {
        fixture = new SectorFixture(partners, conventions, jdbc);
        ptf = ptf();
        otherPtf = ptf();
        ptfWithoutConvention = ptf();
        fixture.convention(ptf, ConventionStatus.ACTIVE, LocalDate.now().minusMonths(2), 24);
        fixture.convention(otherPtf, ConventionStatus.SUSPENDED, LocalDate.now().minusMonths(2), 24);
        year = LocalDate.now().getYear();
        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
    }

    private Partner ptf() {
        return fixture.partner("Coopération", PartnerKind.PTF, "LITTORAL", Set.of("ZOU"), Set.of("FAMILY"),
                Set.of("WOMEN"), Set.of("SOCIAL_AFFAIRS"), false);
    }

    private ProcessInstance instance(Partner partner) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
                PtfDeclarationService.businessKey(partner.getId(), year)).singleResult();
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private String status(Partner partner) {
        return jdbc.queryForObject("select status from ptf_declaration where business_key = ?", String.class,
                PtfDeclarationService.businessKey(partner.getId(), year));
    }

    @Test
    void shouldAskEachPtfWithAConventionOncePerYear() {
        PtfDeclarationService.OpeningResult first = declarations.openByHand(year);
        assertThat(first.opened()).contains(PtfDeclarationService.businessKey(ptf.getId(), year),
                PtfDeclarationService.businessKey(otherPtf.getId(), year));
        assertThat(first.opened()).doesNotContain(PtfDeclarationService.businessKey(ptfWithoutConvention.getId(), year));

        PtfDeclarationService.OpeningResult second = declarations.openByHand(year);
        assertThat(second.opened()).doesNotContain(PtfDeclarationService.businessKey(ptf.getId(), year));
        assertThat(second.alreadyOpen()).contains(PtfDeclarationService.businessKey(ptf.getId(), year));
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(PtfDeclarationService.businessKey(ptf.getId(), year)).count()).isEqualTo(1);

        Task task = task(instance(ptf));
        assertThat(task.getTaskDefinitionKey()).isEqualTo(FundingVariables.TASK_RECORD_DECLARATION);
        assertThat(task.getDueDate()).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("dpaf").count()).isEqualTo(1);
        assertThat(taskService.getVariableLocal(task.getId(), FundingVariables.ACTIVITIES_DECLARED)).isEqualTo(0);
    }

    @Test
    void shouldRecordAReceivedDeclarationOnlyWithItsActivities() {
        declarations.openByHand(year);
        ProcessInstance instance = instance(ptf);
        Task task = task(instance);

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(FundingVariables.DECLARATION_RECEIVED, "true")))
                .isInstanceOf(FormInputException.class).hasMessageContaining("Aucune activité financée");
        assertThat(task(instance)).isNotNull();

        activities.record(ptf.getId(), new FundedActivityService.FundedActivityRequest("Appui aux familles", "ZOU",
                communes.communesOf("ZOU").get(0), "FAMILY", "WOMEN", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                10_000_000L, null));
        taskService.complete(task.getId(), Map.of(FundingVariables.DECLARATION_RECEIVED, "true"));

        assertThat(instance).isEnded().hasPassed("EndEvent_DeclarationReceived");
        assertThat(status(ptf)).isEqualTo("RECEIVED");
    }

    @Test
    void shouldRecordADeclarationNotReceivedWithItsReason() {
        declarations.openByHand(year);
        ProcessInstance instance = instance(otherPtf);
        Task task = task(instance);
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of(FundingVariables.DECLARATION_RECEIVED, "false")))
                .isInstanceOf(FormInputException.class);
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of()))
                .isInstanceOf(FormInputException.class);

        taskService.complete(task.getId(), Map.of(FundingVariables.DECLARATION_RECEIVED, "false",
                FundingVariables.DECLARATION_NOTES, "Le PTF n'a pas répondu aux trois relances"));

        assertThat(instance).isEnded().hasPassed("EndEvent_DeclarationNotReceived");
        assertThat(status(otherPtf)).isEqualTo("NOT_RECEIVED");
    }

    @Test
    void shouldMarkTheDeclarationLateAtItsDueDateAndKeepTheTask() {
        declarations.openByHand(year);
        ProcessInstance instance = instance(ptf);
        Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(new java.util.Date());

        processEngine.getIdentityService().clearAuthentication();
        managementService.executeJob(timer.getId());

        assertThat(instance).hasPassed("EndEvent_LateDeclarationRecorded").isWaitingAt(FundingVariables.TASK_RECORD_DECLARATION);
        assertThat(status(ptf)).isEqualTo("LATE");
        assertThat(jdbc.queryForObject("select reminders from ptf_declaration where business_key = ?", Integer.class,
                PtfDeclarationService.businessKey(ptf.getId(), year))).isEqualTo(1);
    }

    @Test
    void shouldOpenDeclarationsOverTheApiForDpafOnly() throws Exception {
        processEngine.getIdentityService().clearAuthentication();
        ApiCalls api = new ApiCalls(baseUrl());
        assertThat(api.post("/api/funding/declarations/" + year + "/open", "cps.zou", "").statusCode()).isEqualTo(403);
        assertThat(api.post("/api/funding/declarations/" + year + "/open", "manager", "").statusCode()).isEqualTo(403);
        assertThat(api.post("/api/funding/declarations/" + (year + 1) + "/open", "dpaf.agent", "").statusCode()).isEqualTo(400);
        var opened = api.post("/api/funding/declarations/" + year + "/open", "dpaf.agent", "");
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains(PtfDeclarationService.businessKey(ptf.getId(), year));
        var list = api.get("/api/funding/declarations?year=" + year, "manager");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(PtfDeclarationService.businessKey(ptf.getId(), year));
    }
}
