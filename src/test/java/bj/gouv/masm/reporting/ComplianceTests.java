package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** GET /api/reporting/compliance on a fixture with known answers (DHIS2 semantics). */
class ComplianceTests extends ReportingTestSupport {

    private void complete(String key, LocalDateTime when) {
        setClock(when);
        taskService.complete(task(key, ReportingVariables.TASK_RECORD_REPORT).getId(), Map.of(
                "reportReceived", true, "activitiesSummary", "Activités du trimestre", "beneficiariesWomen", 10L));
    }

    @Test
    void shouldComputeExpectedActualOnTimeAndRatesPerDepartmentPartnerAndQuarter() {
        Quarter q1 = new Quarter(2051, 1);
        LocalDate start = LocalDate.of(2051, 1, 1);
        Convention onTime = convention(osc("BORGOU"), "BORGOU", start, 12, ConventionStatus.ACTIVE);
        Convention late = convention(osc("BORGOU"), "BORGOU", start, 12, ConventionStatus.ACTIVE);
        Convention missed = convention(osc("BORGOU"), "BORGOU", start, 12, ConventionStatus.ACTIVE);
        Convention alibori = convention(osc("ALIBORI"), "ALIBORI", start, 12, ConventionStatus.ACTIVE);
        openQuarter(q1);
        complete(key(onTime, q1), LocalDateTime.of(2051, 4, 5, 10, 0));
        complete(key(alibori, q1), LocalDateTime.of(2051, 4, 15, 10, 0));
        complete(key(late, q1), LocalDateTime.of(2051, 4, 25, 10, 0));
        fireDeadline(key(missed, q1));

        ResponseEntity<Map> response = get("dpaf.agent", "/api/reporting/compliance?year=2051");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = response.getBody();
        assertThat((Map<String, Object>) body.get("total")).containsEntry("expectedReports", 4).containsEntry("actualReports", 3)
                .containsEntry("reportsOnTime", 2).containsEntry("reportingRate", 0.75).containsEntry("reportingRateOnTime", 0.5);
        List<Map<String, Object>> departments = (List<Map<String, Object>>) body.get("departments");
        assertThat(departments).hasSize(12);
        assertThat(byKey(departments, "department", "BORGOU")).containsEntry("expectedReports", 3)
                .containsEntry("actualReports", 2).containsEntry("reportsOnTime", 1)
                .containsEntry("reportingRate", 0.6667).containsEntry("reportingRateOnTime", 0.3333);
        assertThat(byKey(departments, "department", "ALIBORI")).containsEntry("expectedReports", 1)
                .containsEntry("reportingRate", 1.0).containsEntry("reportingRateOnTime", 1.0);
        assertThat(byKey(departments, "department", "ZOU")).containsEntry("expectedReports", 0)
                .containsEntry("reportingRate", 0.0);
        List<Map<String, Object>> partners = (List<Map<String, Object>>) body.get("partners");
        assertThat(partners).hasSize(4);
        assertThat(byKey(partners, "partnerId", late.getPartnerId().intValue())).containsEntry("actualReports", 1)
                .containsEntry("reportsOnTime", 0).containsEntry("reportingRateOnTime", 0.0);
        List<Map<String, Object>> quarters = (List<Map<String, Object>>) body.get("quarters");
        assertThat(quarters).extracting(q -> q.get("quarter")).containsExactly("2051-Q1", "2051-Q2", "2051-Q3", "2051-Q4");
        assertThat(quarters.get(0)).containsEntry("expectedReports", 4).containsEntry("actualReports", 3);
        assertThat(quarters.get(1)).containsEntry("expectedReports", 0);

        Map<String, Object> borgouQ1 = get("dpaf.agent", "/api/reporting/compliance?year=2051&quarter=1&department=BORGOU").getBody();
        assertThat((Map<String, Object>) borgouQ1.get("total")).containsEntry("expectedReports", 3).containsEntry("reportsOnTime", 1);
        assertThat((List<?>) borgouQ1.get("departments")).hasSize(1);

        // a CPS sees its own department only
        Map<String, Object> cps = get("cps.borgou", "/api/reporting/compliance?year=2051").getBody();
        assertThat((List<Map<String, Object>>) cps.get("departments")).extracting(d -> d.get("department")).containsExactly("BORGOU");
        assertThat((Map<String, Object>) cps.get("total")).containsEntry("expectedReports", 3);
        assertThat(get("cps.borgou", "/api/reporting/compliance?year=2051&department=ALIBORI").getStatusCode().value()).isEqualTo(403);
        assertThat(get("dpaf.agent", "/api/reporting/compliance?year=2051&quarter=5").getStatusCode().value()).isEqualTo(400);
        assertThat(get("dpaf.agent", "/api/reporting/compliance?year=2051&department=PARIS").getStatusCode().value()).isEqualTo(400);
    }

    private static Map<String, Object> byKey(List<Map<String, Object>> rows, String field, Object value) {
        return rows.stream().filter(r -> value.equals(r.get(field))).findFirst().orElseThrow();
    }
}
