package bj.gouv.masm.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.partners.Partner;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** GET /api/conventions/{number} and the paged list, with department scoping for CPS users. */
class ConventionControllerTests extends LifecycleTestSupport {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    bj.gouv.masm.reporting.AccreditationRevocationService revocations;

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowAConventionWithItsDatesAndHistory() {
        today(LocalDate.of(2026, 4, 1));
        Partner partner = osc("BORGOU");
        String number = conventionNumber(signed(partner, LocalDate.of(2026, 4, 1), 24));

        ResponseEntity<Map> answer = as("dpaf.agent").getForEntity("/api/conventions/" + number, Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = answer.getBody();
        assertThat(body).containsEntry("number", number).containsEntry("partnerId", partner.getId().intValue())
                .containsEntry("status", "ACTIVE").containsEntry("department", "BORGOU")
                .containsEntry("startDate", "2026-04-01").containsEntry("endDate", "2028-04-01")
                .containsEntry("midTermDate", "2027-04-01").containsEntry("finalEvaluationDate", "2028-01-01")
                .containsEntry("durationMonths", 24).containsEntry("obligations", "Obligations réciproques")
                .doesNotContainKey("renewalOf");
        assertThat((List<Map<String, Object>>) body.get("statusHistory")).singleElement()
                .satisfies(line -> assertThat(line).containsEntry("to", "ACTIVE"));
        // the CPS of the partner's department sees it too
        assertThat(as("cps.borgou").getForEntity("/api/conventions/" + number, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldHideAnotherDepartmentsConventionFromACpsUser() {
        today(LocalDate.of(2026, 4, 1));
        String number = conventionNumber(signed(osc("ZOU"), LocalDate.of(2026, 4, 1), 12));

        ResponseEntity<Map> answer = as("cps.borgou").getForEntity("/api/conventions/" + number, Map.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody()).containsEntry("message", "Convention inconnue : " + number);
        assertThat(as("cps.borgou").getForEntity("/api/conventions/CONV-1999-0001", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/conventions/" + number, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListConventionsByPartnerAndStatusWithinTheUsersDepartments() {
        today(LocalDate.of(2026, 4, 1));
        Partner borgou = osc("BORGOU");
        Partner zou = osc("ZOU");
        ProcessInstance first = signed(borgou, LocalDate.of(2026, 4, 1), 12);
        signed(borgou, LocalDate.of(2026, 4, 1), 12);
        signed(zou, LocalDate.of(2026, 4, 1), 12);
        revocations.revoke(conventionNumber(first), "Test");

        Map<String, Object> all = as("dpaf.agent").getForObject("/api/conventions?partnerId=" + borgou.getId(), Map.class);
        Map<String, Object> active = as("dpaf.agent").getForObject(
                "/api/conventions?partnerId=" + borgou.getId() + "&status=active&size=1", Map.class);
        Map<String, Object> zouForBorgouCps = as("cps.borgou").getForObject(
                "/api/conventions?partnerId=" + zou.getId(), Map.class);
        Map<String, Object> zouForDpaf = as("dpaf.agent").getForObject(
                "/api/conventions?department=ZOU&partnerId=" + zou.getId(), Map.class);

        assertThat(all).containsEntry("totalElements", 2);
        assertThat(active).containsEntry("totalElements", 1).containsEntry("size", 1);
        assertThat((List<Map<String, Object>>) active.get("content")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("status", "ACTIVE").doesNotContainKey("statusHistory"));
        assertThat(zouForBorgouCps).containsEntry("totalElements", 0);
        assertThat(zouForDpaf).containsEntry("totalElements", 1);
        assertThat(as("dpaf.agent").getForEntity("/api/conventions?status=PERDUE", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }
}
