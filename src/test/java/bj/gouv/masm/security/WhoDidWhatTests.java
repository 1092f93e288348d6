package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.security.SecurityFixtures.Actor;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Who did what" can be answered for any convention: the clerk who filed the case and completed
 * its task (Camunda history), who recorded the convention and changed its status (our tables), who
 * did anything recorded in the audit trail — all in one answer, and only for those who may see it.
 */
class WhoDidWhatTests extends IntegrationTestBase {

    private static final String PROCESS = "WhoDidWhatCase";

    @Autowired
    PartnerRepository partners;

    @Autowired
    ConventionRepository conventions;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    AuthorizationSetup authorizationSetup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void shouldTellWhoDidWhatOnAConventionFromOurTablesAndCamundaHistory() throws Exception {
        SecurityFixtures fx = new SecurityFixtures(processEngine, baseUrl());
        if (processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS)
                .count() == 0) {
            processEngine.getRepositoryService().createDeployment().name("who-did-what-tests")
                    .addModelInstance(PROCESS + ".bpmn", SecurityFixtures.caseModel(PROCESS)).deploy();
        }
        // Borgou's clerks may file this test case from Tasklist, like a real dossier
        authorizationSetup.apply(new AuthorizationSetup.Grant(Groups.cps("BORGOU"), Resources.PROCESS_DEFINITION,
                PROCESS, List.of(ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE)));

        // 1. the CPS clerk files the dossier and completes the check (as in Tasklist)
        fx.authenticate(Actor.CPS_BORGOU);
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS,
                "DOS-" + UUID.randomUUID(), Map.of("department", "BORGOU", "candidateGroup", Groups.cps("BORGOU")));
        String task = processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .singleResult().getId();
        processEngine.getTaskService().claim(task, Actor.CPS_BORGOU.userId);
        processEngine.getTaskService().complete(task);
        fx.clear();

        // 2. the SGM records the signed convention, the DPAF suspends it (our tables, audit trail)
        Partner partner = new Partner("Association test qui " + UUID.randomUUID(), PartnerKind.OSC, "NATIONAL_NGO");
        partner.setHeadOfficeDepartment("BORGOU");
        partner.setRegistrationNumber("WDW-" + UUID.randomUUID());
        partner.touch(Actor.CPS_BORGOU.userId, OffsetDateTime.now());
        Long partnerId = partners.save(partner).getId();
        String number = "CONV-2098-" + String.format("%04d", (int) (Math.random() * 10000));
        LocalDate start = LocalDate.of(2026, 3, 1);
        Convention convention = new Convention(number, partnerId, "BORGOU", start, 24, start, start.plusMonths(24),
                start.plusMonths(12), start.plusMonths(21));
        convention.setProcessInstanceId(instance.getId());
        convention.touch(Actor.SGM.userId, OffsetDateTime.now().plusMinutes(1));
        Long conventionId = conventions.save(convention).getId();
        fx.authenticate(Actor.DPAF);
        transactions.executeWithoutResult(status -> {
            jdbc.update("insert into convention_status_change (convention_id, changed_at, changed_by, from_status, "
                            + "to_status, reason) values (?, ?, ?, ?, ?, ?)", conventionId,
                    OffsetDateTime.now().plusMinutes(2), Actor.DPAF.userId, ConventionStatus.ACTIVE.name(),
                    ConventionStatus.SUSPENDED.name(), "Rapports trimestriels manquants");
            auditTrail.record("convention", number, "SUSPENDED", "Rapports trimestriels manquants");
        });
        fx.clear();

        // 3. the answer, as a manager
        HttpResponse<String> response = fx.get(Actor.MANAGER, "/api/audit/conventions/" + number);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode entries = objectMapper.readTree(response.body()).path("entries");
        List<String> whoWhat = new ArrayList<>();
        entries.forEach(e -> whoWhat.add(e.path("actor").asText() + " " + e.path("action").asText()));
        assertThat(whoWhat).containsSubsequence(
                "cps.borgou CASE_STARTED",
                "cps.borgou TASK_COMPLETED",
                "sgm.signataire CONVENTION_RECORDED",
                "dpaf.agent STATUS_SUSPENDED");
        assertThat(whoWhat).contains("dpaf.agent SUSPENDED");
        entries.forEach(e -> assertThat(e.path("at").asText()).as("every entry is dated").isNotBlank());
        assertThat(entries.toString()).contains(SecurityFixtures.CASE_TASK + " — Traiter le dossier");

        // 4. the same rules as everywhere: Borgou sees it, Alibori does not know it exists
        assertThat(fx.get(Actor.CPS_BORGOU, "/api/audit/conventions/" + number).statusCode()).isEqualTo(200);
        HttpResponse<String> alibori = fx.get(Actor.CPS_ALIBORI, "/api/audit/conventions/" + number);
        assertThat(alibori.statusCode()).isEqualTo(404);
        assertThat(alibori.body()).isEqualTo(fx.get(Actor.CPS_ALIBORI, "/api/audit/conventions/CONV-1999-0000").body());
    }
}
