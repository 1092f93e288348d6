package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST /api/reports/<key>/indicators (JSON or CSV), all or nothing; activities over REST; department scoping. */
class IndicatorUploadTests extends ReportingTestSupport {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private Convention convention;
    private String key;

    @BeforeEach
    void openReport() {
        convention = activeOscConvention(2050);
        Quarter q1 = new Quarter(2050, 1);
        setClock(java.time.LocalDateTime.of(2050, 4, 1, 8, 0));
        // open only this convention's report: other tests of this class use 2050 too
        key = key(convention, q1);
        if (!reportRepository.existsByBusinessKey(key)) {
            openingService.openQuarter(q1);
        }
    }

    private int stored() {
        return jdbc.queryForObject("select count(*) from report_indicator_value where report_id = ?", Integer.class,
                report(key).getId());
    }

    private String path() {
        return "/api/reports/" + key + "/indicators";
    }

    @Test
    void shouldStoreValidValuesFromJsonAndCsvAndCountThem() {
        ResponseEntity<Map> json = post("cps.borgou", path(), Map.of("values", List.of(
                Map.of("code", "SIDOFFE-01", "value", 12), Map.of("code", "sidoffe-02", "value", "0"),
                Map.of("code", "SIDOFFE-75", "value", 99.5))), MediaType.APPLICATION_JSON);
        assertThat(json.getStatusCode().value()).as(String.valueOf(json.getBody())).isEqualTo(200);
        assertThat(json.getBody()).containsEntry("indicatorsReported", 3).containsEntry("indicatorsExpected", 77);
        assertThat(runtimeService.getVariable(processInstanceId(key), "indicatorsReported")).isEqualTo(3);

        ResponseEntity<Map> csv = post("offe.agent", path(), "\uFEFFcode;value\nSIDOFFE-01;15\nSIDOFFE-03;7\n", CSV);
        assertThat(csv.getStatusCode().value()).as(String.valueOf(csv.getBody())).isEqualTo(200);
        assertThat(csv.getBody()).containsEntry("indicatorsReported", 4);
        assertThat(stored()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select indicator_value from report_indicator_value v join quarterly_report r "
                        + "on r.id = v.report_id where r.business_key = ? and v.indicator_code = 'SIDOFFE-01'",
                java.math.BigDecimal.class, key)).isEqualByComparingTo("15");
        assertThat(report(key).getIndicatorsReported()).isEqualTo(4);
    }

    @Test
    void shouldRejectUnknownCodesAndWriteNothing() {
        int before = stored();
        ResponseEntity<Map> response = post("cps.borgou", path(), Map.of("values", List.of(
                Map.of("code", "SIDOFFE-04", "value", 3), Map.of("code", "SIDOFFE-99", "value", 1),
                Map.of("code", "FOO", "value", 2))), MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((String) response.getBody().get("message")).contains("codes inconnus : SIDOFFE-99, FOO")
                .contains("rien n'a été enregistré");
        assertThat((List<?>) response.getBody().get("errors")).hasSize(2);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void shouldRejectValuesThatDoNotFitTheUnitAndWriteNothing() {
        int before = stored();
        ResponseEntity<Map> response = post("cps.borgou", path(),
                "code;value\nSIDOFFE-05;4\nSIDOFFE-06;12,5\nSIDOFFE-07;-3\nSIDOFFE-71;150\nSIDOFFE-08;douze\n", CSV);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        List<Map<String, String>> errors = (List<Map<String, String>>) response.getBody().get("errors");
        assertThat(errors).extracting(e -> e.get("message")).containsExactly(
                "SIDOFFE-06 « Indicateur SIDoFFE 06 » : un dénombrement doit être un entier (reçu 12.5)",
                "SIDOFFE-07 « Indicateur SIDoFFE 07 » : valeur négative interdite (reçu -3)",
                "SIDOFFE-71 « Indicateur SIDoFFE 71 » : un pourcentage doit être entre 0 et 100 (reçu 150)",
                "SIDOFFE-08 « Indicateur SIDoFFE 08 » : valeur non numérique « douze »");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void shouldRejectDuplicatedCodesAndWriteNothing() {
        int before = stored();
        ResponseEntity<Map> response = post("cps.borgou", path(), Map.of("values", List.of(
                Map.of("code", "SIDOFFE-09", "value", 3), Map.of("code", "SIDOFFE-09", "value", 4))),
                MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat((String) response.getBody().get("message")).contains("codes en double : SIDOFFE-09");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void shouldHideOtherDepartmentsReportsAndRefuseReadOnlyUsers() {
        assertThat(get("cps.zou", "/api/reports/" + key).getStatusCode().value()).isEqualTo(404);
        assertThat(post("cps.zou", path(), "code;value\nSIDOFFE-10;1\n", CSV).getStatusCode().value()).isEqualTo(404);
        assertThat(post("manager", path(), "code;value\nSIDOFFE-10;1\n", CSV).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<Map> own = get("cps.borgou", "/api/reports/" + key);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(own.getBody()).containsEntry("status", "OPEN").containsEntry("department", "BORGOU");
        assertThat(get("manager", "/api/reports/" + key).getStatusCode().value()).isEqualTo(200);
        assertThat(get("dpaf.agent", "/api/reports/CONV-2050-9999_2050-Q1").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldRecordActivitiesAllOrNothing() {
        ResponseEntity<Map> bad = post("cps.borgou", "/api/reports/" + key + "/activities", List.of(
                Map.of("department", "BORGOU", "commune", "Nikki", "domain", "CHILD_PROTECTION", "targetGroup", "CHILDREN",
                        "description", "Appui scolaire", "startDate", "2050-01-10", "endDate", "2050-02-10", "budgetXof", 250000),
                Map.of("department", "BORGOU", "commune", "Ouidah", "domain", "CHILD_PROTECTION", "targetGroup", "CHILDREN",
                        "description", "Appui scolaire", "startDate", "2050-01-10", "endDate", "2050-02-10", "budgetXof", 250000)),
                MediaType.APPLICATION_JSON);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat((String) bad.getBody().get("message")).contains("Activité 2 : la commune « Ouidah » n'appartient pas au département BORGOU");
        int before = jdbc.queryForObject("select count(*) from report_activity where report_id = ?", Integer.class,
                report(key).getId());

        ResponseEntity<Map> ok = post("cps.borgou", "/api/reports/" + key + "/activities", List.of(
                Map.of("department", "BORGOU", "commune", "nikki", "domain", "CHILD_PROTECTION", "targetGroup", "CHILDREN",
                        "description", "Appui scolaire", "startDate", "2050-01-10", "endDate", "2050-02-10",
                        "budgetXof", 250000, "beneficiaries", 80)), MediaType.APPLICATION_JSON);
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(200);
        assertThat(ok.getBody()).containsEntry("activitiesRecorded", before + 1);
        assertThat(runtimeService.getVariable(processInstanceId(key), "activitiesRecorded")).isEqualTo(before + 1);
    }
}
