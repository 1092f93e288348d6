package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.reporting.regularisation.RegularisationVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Issue 11 item 10: DPAF lists every regularisation case and every refused CPS support request, of every department. */
class CentralOversightTests extends ReportingTestSupport {

    private ResponseEntity<List> list(String user, String path) {
        return rest.withBasicAuth(user, password(user)).exchange(baseUrl() + path, HttpMethod.GET, null, List.class);
    }

    @Test
    void shouldShowDpafTheRegularisationCasesAndRefusedSupportOfEveryDepartment() {
        // a CPS of Zou reports an unaccredited OSC; a CPS of Borgou is refused support for an OSC without convention
        String name = "Association Vigilance " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> form = new HashMap<>();
        form.put("oscName", name);
        form.put("department", "ZOU");
        form.put("contactName", "M. Sossou");
        form.put("observedActivity", "Collecte de fonds pour un orphelinat à Bohicon");
        processEngine.getIdentityService().setAuthentication("cps.zou", List.of("cps-zou"));
        ProcessInstance instance;
        try {
            instance = runtimeService.startProcessInstanceByKey(RegularisationVariables.PROCESS, form);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        Partner unaccredited = osc("BORGOU");
        Map<String, Object> support = new HashMap<>();
        support.put("partnerId", unaccredited.getId());
        support.put("department", "BORGOU");
        support.put("supportType", "ACCOMPAGNEMENT");
        support.put("description", "Appui logistique demandé pour une campagne " + name);
        support.put("providedOn", "2054-02-10");
        assertThat(post("cps.borgou", "/api/cps-support", support, MediaType.APPLICATION_JSON).getStatusCode().value()).isEqualTo(409);

        ResponseEntity<List> cases = list("dpaf.agent", "/api/regularisations");
        assertThat(cases.getStatusCode().value()).isEqualTo(200);
        assertThat(cases.getBody()).anySatisfy(row -> {
            Map<?, ?> r = (Map<?, ?>) row;
            assertThat(r.get("partnerName")).isEqualTo(name);
            assertThat(r.get("department")).isEqualTo("ZOU");
            assertThat(r.get("status")).isEqualTo("OPEN");
            assertThat(r.get("processInstanceId")).isEqualTo(instance.getId());
        });
        ResponseEntity<List> refusals = list("dpaf.agent", "/api/cps-support/refusals");
        assertThat(refusals.getStatusCode().value()).isEqualTo(200);
        assertThat(refusals.getBody()).anySatisfy(row -> {
            Map<?, ?> r = (Map<?, ?>) row;
            assertThat(r.get("partnerName")).isEqualTo(unaccredited.getName());
            assertThat(r.get("department")).isEqualTo("BORGOU");
            assertThat(r.get("requestedBy")).isEqualTo("cps.borgou");
            assertThat((String) r.get("reason")).contains("n'a pas de convention en cours");
        });

        // a CPS sees its own department only
        assertThat(list("cps.borgou", "/api/regularisations?department=ZOU").getBody()).isEmpty();
        assertThat(list("cps.zou", "/api/cps-support/refusals").getBody())
                .noneSatisfy(row -> assertThat(((Map<?, ?>) row).get("department")).isEqualTo("BORGOU"));
        assertThat(list("cps.zou", "/api/regularisations").getBody())
                .anySatisfy(row -> assertThat(((Map<?, ?>) row).get("partnerName")).isEqualTo(name));
    }
}
