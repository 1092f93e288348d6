package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/cps-support: no CPS support without a convention in force. */
class CpsSupportTests extends ReportingTestSupport {

    private Map<String, Object> support(Partner partner, String department) {
        Map<String, Object> body = new HashMap<>();
        body.put("partnerId", partner.getId());
        body.put("department", department);
        body.put("supportType", "ACCOMPAGNEMENT");
        body.put("description", "Mise à disposition d'une salle pour une formation");
        body.put("providedOn", "2053-03-10");
        return body;
    }

    @Test
    void shouldRefuseSupportToAnOscWithoutAConventionInForce() {
        Partner unaccredited = osc("BORGOU");
        ResponseEntity<Map> refused = post("cps.borgou", "/api/cps-support", support(unaccredited, "BORGOU"), MediaType.APPLICATION_JSON);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat((String) refused.getBody().get("message")).startsWith("Appui refusé : « " + unaccredited.getName()
                + " » n'a pas de convention en cours").contains("OscRegularisation");

        Partner revoked = osc("BORGOU");
        convention(revoked, "BORGOU", LocalDate.of(2053, 1, 1), 12, ConventionStatus.REVOKED);
        assertThat(post("cps.borgou", "/api/cps-support", support(revoked, "BORGOU"), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(409);

        Partner expiredBefore = osc("BORGOU");
        convention(expiredBefore, "BORGOU", LocalDate.of(2052, 1, 1), 12, ConventionStatus.ACTIVE);
        assertThat(post("cps.borgou", "/api/cps-support", support(expiredBefore, "BORGOU"), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(409);
        assertThat(jdbc.queryForObject("select count(*) from cps_support where partner_id in (?, ?, ?)", Integer.class,
                unaccredited.getId(), revoked.getId(), expiredBefore.getId())).isZero();
    }

    @Test
    void shouldRecordSupportToAnOscWithAConventionInForce() {
        Partner accredited = osc("BORGOU");
        var convention = convention(accredited, "BORGOU", LocalDate.of(2053, 1, 1), 12, ConventionStatus.ACTIVE);
        ResponseEntity<Map> created = post("cps.borgou", "/api/cps-support", support(accredited, "BORGOU"), MediaType.APPLICATION_JSON);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("conventionNumber", convention.getNumber()).containsEntry("createdBy", "cps.borgou");

        assertThat(post("cps.zou", "/api/cps-support", support(accredited, "BORGOU"), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(post("manager", "/api/cps-support", support(accredited, "BORGOU"), MediaType.APPLICATION_JSON)
                .getStatusCode().value()).isEqualTo(403);
        Map<String, Object> invalid = support(accredited, "NOWHERE");
        invalid.remove("description");
        ResponseEntity<Map> bad = post("cps.borgou", "/api/cps-support", invalid, MediaType.APPLICATION_JSON);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat((java.util.List<?>) bad.getBody().get("errors")).hasSize(2);
    }
}
