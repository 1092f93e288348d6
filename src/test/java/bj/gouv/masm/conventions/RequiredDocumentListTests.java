package bj.gouv.masm.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 11 item 11: DPAF or an administrator edits the documents a dossier needs; new dossiers use the new list. */
class RequiredDocumentListTests extends IntegrationTestBase {

    private static final String PATH = "/api/reference/required-documents";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PartnerRepository partners;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    private ResponseEntity<String> put(String user, Object body) {
        return rest.withBasicAuth(user, "admin".equals(user) ? "test-admin-password" : "demo")
                .exchange(baseUrl() + PATH, HttpMethod.PUT, new HttpEntity<>(body), String.class);
    }

    @Test
    void shouldLetDpafEditTheListAndFileNewDossiersWithIt() {
        List<Map<String, Object>> original = jdbc.queryForList("select * from ref_required_document");
        try {
            ResponseEntity<String> list = rest.withBasicAuth("cps.borgou", "demo").getForEntity(baseUrl() + PATH, String.class);
            assertThat(list.getStatusCode().value()).isEqualTo(200);
            assertThat(list.getBody()).contains("STATUTES", "Statuts et règlement intérieur");

            List<Map<String, Object>> edited = List.of(
                    Map.of("code", "REQUEST_LETTER", "label", "Lettre de demande adressée au Ministre"),
                    Map.of("code", "STATUTES", "label", "Statuts et règlement intérieur", "partnerKind", "OSC"),
                    Map.of("code", "tax_certificate", "label", "Attestation fiscale", "partnerKind", "OSC"),
                    Map.of("code", "HOST_AGREEMENT", "label", "Accord de siège", "partnerKind", "PTF"));
            assertThat(put("cps.borgou", edited).getStatusCode().value()).isEqualTo(403);
            ResponseEntity<String> refused = put("dpaf.agent", List.of(
                    Map.of("code", "STATUTES", "label", ""), Map.of("code", "X Y", "label", "Pièce"),
                    Map.of("code", "BOARD_LIST", "label", "Bureau", "partnerKind", "ONG")));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody()).contains("libellé obligatoire", "code invalide", "OSC, PTF ou vide");
            assertThat(jdbc.queryForObject("select count(*) from ref_required_document where active", Integer.class))
                    .isEqualTo(original.stream().filter(r -> Boolean.TRUE.equals(r.get("active"))).count());

            ResponseEntity<String> saved = put("dpaf.agent", edited);
            assertThat(saved.getStatusCode().value()).as(saved.getBody()).isEqualTo(200);
            assertThat(saved.getBody()).contains("TAX_CERTIFICATE");
            assertThat(jdbc.queryForObject("select active from ref_required_document where code = 'BOARD_LIST'", Boolean.class))
                    .as("left out: no longer required, kept for the dossiers that have it").isFalse();

            // a new OSC dossier is checked against the new list
            Partner partner = new Partner("OSC Pièces " + UUID.randomUUID(), PartnerKind.OSC, "NATIONAL_NGO");
            partner.setRegistrationNumber("RN-" + UUID.randomUUID());
            partner.setHeadOfficeDepartment("MONO");
            partner.touch("test", OffsetDateTime.now());
            partner = partners.saveAndFlush(partner);
            ProcessInstance instance = runtimeService.startProcessInstanceByKey("ConventionLifecycle",
                    Map.of("partnerId", partner.getId()));
            try {
                Task check = taskService.createTaskQuery().processInstanceId(instance.getId())
                        .taskDefinitionKey("Task_CheckDossier").singleResult();
                String checklist = taskService.getVariableLocal(check.getId(), "requiredDocumentOptions").toString();
                assertThat(checklist).contains("TAX_CERTIFICATE", "Attestation fiscale", "STATUTES")
                        .doesNotContain("BOARD_LIST", "HOST_AGREEMENT");
            } finally {
                runtimeService.deleteProcessInstance(instance.getId(), "test");
            }
        } finally {
            jdbc.update("update ref_required_document set active = false");
            for (Map<String, Object> row : original) {
                jdbc.update("update ref_required_document set label = ?, partner_kind = ?, active = ?, sort_order = ? where code = ?",
                        row.get("label"), row.get("partner_kind"), row.get("active"), row.get("sort_order"), row.get("code"));
            }
            jdbc.update("delete from ref_required_document where code = 'TAX_CERTIFICATE'");
        }
    }
}
