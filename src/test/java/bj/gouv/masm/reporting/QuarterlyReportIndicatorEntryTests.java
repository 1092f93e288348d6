package bj.gouv.masm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.conventions.Convention;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Issue 11 item 1: the SIDoFFE indicator values entered in Tasklist. The report form's dynamic list
 * {@code indicatorValues} comes from the catalogue table when the task is created; completing the task
 * with all values (Tasklist's shape: a Json list of {code, value}) gives sanction NONE.
 */
class QuarterlyReportIndicatorEntryTests extends ReportingTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    private Map<String, Object> report(Object indicatorValues) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("reportReceived", true);
        vars.put("activitiesSummary", "Appui psychosocial aux survivantes de VBG");
        vars.put("beneficiariesWomen", 80L);
        if (indicatorValues != null) {
            vars.put(ReportingVariables.INDICATOR_VALUES, indicatorValues);
        }
        return vars;
    }

    /** What Tasklist submits: the rows it showed (code, label, unit) with the values typed. */
    private Object tasklistShape(Task task, java.util.function.Function<String, Object> valueOf) throws Exception {
        JsonNode shown = json.readTree(taskService.getVariable(task.getId(), ReportingVariables.INDICATOR_VALUES).toString());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode row : shown) {
            Map<String, Object> submitted = new HashMap<>(json.convertValue(row, Map.class));
            submitted.put("value", valueOf.apply(row.get("code").asText()));
            rows.add(submitted);
        }
        return Spin.JSON(json.writeValueAsString(rows));
    }

    @Test
    void shouldListEveryActiveIndicatorOfTheCatalogueTableInTheForm() throws Exception {
        Convention convention = activeOscConvention(2071);
        Quarter q1 = new Quarter(2071, 1);
        String original = jdbc.queryForObject("select label from sidoffe_indicator where code = 'SIDOFFE-05'", String.class);
        jdbc.update("update sidoffe_indicator set label = 'Femmes accompagnées (libellé de la table)' where code = 'SIDOFFE-05'");
        try {
            openQuarter(q1);
        } finally {
            jdbc.update("update sidoffe_indicator set label = ? where code = 'SIDOFFE-05'", original);
        }
        Task task = task(key(convention, q1), ReportingVariables.TASK_RECORD_REPORT);
        JsonNode rows = json.readTree(taskService.getVariable(task.getId(), ReportingVariables.INDICATOR_VALUES).toString());
        Integer active = jdbc.queryForObject("select count(*) from sidoffe_indicator where active = true", Integer.class);
        assertThat(rows.size()).isEqualTo(active).isEqualTo(77);
        assertThat(rows.get(0).get("code").asText()).isEqualTo("SIDOFFE-01");
        assertThat(rows.get(4).get("label").asText()).isEqualTo("Femmes accompagnées (libellé de la table)");
        assertThat(rows.get(69).get("unit").asText()).isEqualTo("% (0 à 100)");
        assertThat(rows.get(0).get("value").isNull()).isTrue();
    }

    @Test
    void shouldGiveNoSanctionToAReportRecordedOnTimeInTasklistWithAllIndicatorValues() throws Exception {
        String key = firstQuarterReportOpened(2072);
        Task task = task(key, ReportingVariables.TASK_RECORD_REPORT);

        setClock(LocalDateTime.of(2072, 4, 10, 9, 0));
        taskService.complete(task.getId(), report(tasklistShape(task, code -> code.compareTo("SIDOFFE-70") >= 0 ? 42.5 : 12)));

        QuarterlyReport report = report(key);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(report.getTimeliness()).isEqualTo(Timeliness.ON_TIME);
        assertThat(report.getIndicatorsReported()).isEqualTo(77);
        assertThat(report.getSanction()).isEqualTo(Sanction.NONE);
        assertThat(jdbc.queryForObject("select indicator_value from report_indicator_value v join quarterly_report r "
                + "on r.id = v.report_id where r.business_key = ? and v.indicator_code = 'SIDOFFE-71'", java.math.BigDecimal.class, key))
                .isEqualByComparingTo("42.5");
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(key)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_ReportAccepted");
    }

    @Test
    void shouldAcceptThePlainCodeValueListOfTheContract() {
        String key = firstQuarterReportOpened(2073);
        setClock(LocalDateTime.of(2073, 4, 10, 9, 0));
        taskService.complete(task(key, ReportingVariables.TASK_RECORD_REPORT).getId(),
                report(Spin.JSON("[{\"code\": \"SIDOFFE-01\", \"value\": 12}, {\"code\": \"sidoffe-02\", \"value\": \"7\"}]")));
        assertThat(report(key).getIndicatorsReported()).isEqualTo(2);
        assertThat(report(key).getSanction()).isEqualTo(Sanction.WARNING);
    }

    @Test
    void shouldRefuseAValueThatDoesNotFitItsUnitAndKeepTheTaskOpen() throws Exception {
        String key = firstQuarterReportOpened(2074);
        Task task = task(key, ReportingVariables.TASK_RECORD_REPORT);
        Object values = tasklistShape(task, code -> switch (code) {
            case "SIDOFFE-03" -> 2.5;     // a count must be whole
            case "SIDOFFE-72" -> 150;     // a percentage is 0..100
            default -> 1;
        });
        assertThatThrownBy(() -> taskService.complete(task.getId(), report(values)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("SIDOFFE-03 « Indicateur SIDoFFE 03 » : un dénombrement doit être un entier")
                .hasMessageContaining("SIDOFFE-72 « Indicateur SIDoFFE 72 » : un pourcentage doit être entre 0 et 100");
        assertThat(task(key, ReportingVariables.TASK_RECORD_REPORT)).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from report_indicator_value v join quarterly_report r "
                + "on r.id = v.report_id where r.business_key = ?", Integer.class, key)).isZero();
        assertThat(report(key).getStatus()).isEqualTo(ReportStatus.OPEN);
    }

    @Test
    void shouldKeepTheValuesOfTheUploadedIndicatorSheetWhenTheListIsLeftBlank() throws Exception {
        String key = firstQuarterReportOpened(2075);
        var response = post("cps.borgou", "/api/reports/" + key + "/indicators",
                Map.of("values", completeIndicatorValues()), MediaType.APPLICATION_JSON);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Task task = task(key, ReportingVariables.TASK_RECORD_REPORT);

        setClock(LocalDateTime.of(2075, 4, 10, 9, 0));
        taskService.complete(task.getId(), report(tasklistShape(task, code -> null)));
        assertThat(report(key).getIndicatorsReported()).isEqualTo(77);
        assertThat(report(key).getSanction()).isEqualTo(Sanction.NONE);
    }

    @Test
    void shouldTakeTheOscIndicatorSheetPastedInTheFormWhereTheListIsLeftBlank() throws Exception {
        String key = firstQuarterReportOpened(2080);
        Task task = task(key, ReportingVariables.TASK_RECORD_REPORT);
        StringBuilder sheet = new StringBuilder("code;valeur\n");
        for (int i = 1; i <= 77; i++) {
            sheet.append(String.format("SIDOFFE-%02d;%s%n", i, i >= 70 ? "55,5" : "4"));
        }
        Map<String, Object> vars = report(tasklistShape(task, code -> code.equals("SIDOFFE-01") ? 9 : null));
        vars.put(ReportingVariables.INDICATOR_SHEET, sheet.toString());

        setClock(LocalDateTime.of(2080, 4, 10, 9, 0));
        taskService.complete(task.getId(), vars);
        assertThat(report(key).getIndicatorsReported()).isEqualTo(77);
        assertThat(report(key).getSanction()).isEqualTo(Sanction.NONE);
        assertThat(jdbc.queryForList("select v.indicator_code || '=' || v.indicator_value::text from report_indicator_value v "
                + "join quarterly_report r on r.id = v.report_id where r.business_key = ? and v.indicator_code in "
                + "('SIDOFFE-01', 'SIDOFFE-02', 'SIDOFFE-70') order by 1", String.class, key))
                .as("the value typed in the list wins over the sheet's").containsExactly("SIDOFFE-01=9.0000", "SIDOFFE-02=4.0000", "SIDOFFE-70=55.5000");
    }

    @Test
    void shouldRefuseAnUnreadablePastedSheetAndKeepTheTaskOpen() {
        String key = firstQuarterReportOpened(2081);
        Task task = task(key, ReportingVariables.TASK_RECORD_REPORT);
        Map<String, Object> vars = report((Object) null);
        vars.put(ReportingVariables.INDICATOR_SHEET, "SIDOFFE-01;\"12\nSIDOFFE-02;3");
        assertThatThrownBy(() -> taskService.complete(task.getId(), vars))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Fiche d'indicateurs collée illisible");
        assertThat(report(key).getStatus()).isEqualTo(ReportStatus.OPEN);
    }

    @Test
    void shouldReadRowsSubmittedWithoutTheirReadOnlyCodeInTheOrderTheyWereShown() {
        String key = firstQuarterReportOpened(2054);
        setClock(LocalDateTime.of(2054, 4, 10, 9, 0));
        taskService.complete(task(key, ReportingVariables.TASK_RECORD_REPORT).getId(),
                report(Spin.JSON("[{\"value\": 3}, {\"value\": null}, {\"value\": 9}]")));
        assertThat(report(key).getIndicatorsReported()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select indicator_value from report_indicator_value v join quarterly_report r "
                + "on r.id = v.report_id where r.business_key = ? and v.indicator_code = 'SIDOFFE-03'", java.math.BigDecimal.class, key))
                .isEqualByComparingTo("9");
    }

    /** An OSC convention in force all year and its first quarter opened: the business key of its report. */
    private String firstQuarterReportOpened(int year) {
        Convention convention = activeOscConvention(year);
        Quarter q1 = new Quarter(year, 1);
        openQuarter(q1);
        return key(convention, q1);
    }
}
