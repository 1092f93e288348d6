package bj.gouv.masm.reporting.process;

import static bj.gouv.masm.reporting.ReportingVariables.INDICATOR_VALUES;

import bj.gouv.masm.reporting.IndicatorCatalogue;
import bj.gouv.masm.reporting.IndicatorValueService;
import bj.gouv.masm.reporting.QuarterlyReportService;
import bj.gouv.masm.reporting.SidoffeIndicator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * When Task_RecordQuarterlyReport is created: fills the form's dynamic list {@code indicatorValues}
 * (Json, on the process instance) with one row per ACTIVE indicator of the catalogue table (code, label, unit, and
 * the value already uploaded for this report, if any), so the form never holds its own copy of the list.
 */
@Component("prepareQuarterlyReportFormListener")
@RequiredArgsConstructor
public class PrepareQuarterlyReportFormListener implements TaskListener {

    private final IndicatorCatalogue catalogue;
    private final IndicatorValueService values;
    private final QuarterlyReportService reports;
    /** A plain mapper: rows keep {@code "value": null}, the empty cell the clerk fills. */
    private final ObjectMapper objectMapper = new ObjectMapper();

    @Override
    public void notify(DelegateTask task) {
        Long reportId = reports.get(task.getExecution().getProcessBusinessKey()).getId();
        Map<String, BigDecimal> uploaded = new LinkedHashMap<>();
        values.list(reportId).forEach(v -> uploaded.put(v.code(), v.value()));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<SidoffeIndicator> indicators = catalogue.activeIndicators();
        for (SidoffeIndicator indicator : indicators) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("code", indicator.code());
            row.put("label", indicator.label());
            row.put("unit", indicator.unit().label());
            row.put("value", uploaded.get(indicator.code()));
            rows.add(row);
        }
        try {
            // on the execution: completing a task (Tasklist, REST) writes its variables there, a task-local copy would hide them
            task.getExecution().setVariable(INDICATOR_VALUES, SpinValues.jsonValue(objectMapper.writeValueAsString(rows)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
