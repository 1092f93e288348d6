package bj.gouv.masm.reporting.process;

import static bj.gouv.masm.reporting.ReportingFormException.FORM;
import static bj.gouv.masm.reporting.ReportingVariables.*;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import bj.gouv.masm.reporting.ActivityInput;
import bj.gouv.masm.reporting.IndicatorValueService;
import bj.gouv.masm.reporting.QuarterlyReport;
import bj.gouv.masm.reporting.QuarterlyReportService;
import bj.gouv.masm.reporting.ReportActivityService;
import bj.gouv.masm.reporting.ReportingFormException;
import bj.gouv.masm.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of Task_RecordQuarterlyReport: checks the form again on the server, stores the
 * report, its beneficiaries by target group and its activities (dynamic list {@code activities}), and
 * leaves only counts and decisions in the process. Invalid data: French message, task stays open.
 */
@Component("recordQuarterlyReportListener")
public class RecordQuarterlyReportListener implements TaskListener {

    private final QuarterlyReportService reports;
    private final ReportActivityService activities;
    private final ReferenceDataService reference;
    private final IndicatorValueService indicatorValues;
    private final bj.gouv.masm.reporting.IndicatorCatalogue catalogue;

    public RecordQuarterlyReportListener(QuarterlyReportService reports, ReportActivityService activities,
                                         ReferenceDataService reference, IndicatorValueService indicatorValues,
                                         bj.gouv.masm.reporting.IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
        this.reports = reports;
        this.activities = activities;
        this.reference = reference;
        this.indicatorValues = indicatorValues;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = task.getExecution().getProcessBusinessKey();
        Map<String, Long> byGroup = new LinkedHashMap<>();
        for (ReferenceItem group : reference.list(ReferenceCategory.TARGET_GROUP)) {
            Long count = FORM.optionalLong(task.getVariable(beneficiariesVariable(group.code())), notWhole(group.label()));
            if (count != null) {
                byGroup.put(group.code(), count);
            }
        }
        QuarterlyReportService.ReportForm form = new QuarterlyReportService.ReportForm(
                FORM.optionalBoolean(task.getVariable(REPORT_RECEIVED), "« Rapport reçu » doit être oui ou non."),
                (String) task.getVariable(ACTIVITIES_SUMMARY),
                FORM.optionalLong(task.getVariable(BENEFICIARIES_REACHED), notWhole("total")),
                byGroup,
                parseActivities(task.getVariable(ACTIVITIES)));
        List<IndicatorValueService.RawValue> values = withPastedSheet(parseIndicatorValues(task.getVariable(INDICATOR_VALUES)),
                task.getVariable(INDICATOR_SHEET));
        if (Boolean.TRUE.equals(form.received()) && !values.isEmpty()) {
            Long reportId = reports.get(key).getId();
            try {
                indicatorValues.upload(reportId, values);
            } catch (ApiException e) {
                throw new ReportingFormException(e.getMessage() + (e.fieldErrors().isEmpty() ? ""
                        : " — " + e.fieldErrors().stream().map(ApiException.FieldError::message).limit(10)
                          .collect(java.util.stream.Collectors.joining(" ; "))));
            }
        }
        QuarterlyReport report = reports.recordReport(key, form, task.getDueDate());
        task.removeVariable(ACTIVITIES);
        task.removeVariable(INDICATOR_SHEET);
        task.setVariable(REPORT_RECEIVED, form.received());
        task.setVariable(ACTIVITIES_RECORDED, activities.count(report.getId()));
        task.setVariable(INDICATORS_REPORTED, report.getIndicatorsReported());
        if (report.getBeneficiariesReached() != null) {
            task.setVariable(BENEFICIARIES_REACHED, report.getBeneficiariesReached());
        }
    }

    /** WOMEN → beneficiariesWomen, ELDERLY → beneficiariesElderly (form keys). */
    public static String beneficiariesVariable(String targetGroup) {
        StringBuilder name = new StringBuilder(BENEFICIARIES_PREFIX);
        for (String part : targetGroup.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static String notWhole(String what) {
        return "Bénéficiaires (" + what + ") : un nombre entier est attendu.";
    }

    /**
     * The form's dynamic list {@code indicatorValues}: rows {code, value} (label and unit shown in the form
     * are ignored); rows left blank are skipped, so values uploaded from the indicator sheet stay.
     */
    List<IndicatorValueService.RawValue> parseIndicatorValues(Object value) {
        List<IndicatorValueService.RawValue> list = new ArrayList<>();
        JsonNode root = FORM.jsonArray(value, "Liste des indicateurs illisible.");
        if (root == null) {
            return list;
        }
        // a form that submits only the typed values (no read-only code): rows follow the catalogue order they were shown in
        List<String> shownOrder = catalogue.activeIndicators().stream().map(bj.gouv.masm.reporting.SidoffeIndicator::code).toList();
        int index = -1;
        for (JsonNode node : root) {
            index++;
            if (!node.isObject()) {
                throw new ReportingFormException("Liste des indicateurs illisible.");
            }
            JsonNode raw = node.get("value");
            if (raw == null || raw.isNull() || raw.asText().isBlank()) {
                continue;
            }
            String code = text(node, "code");
            if (code == null && index < shownOrder.size()) {
                code = shownOrder.get(index);
            }
            list.add(new IndicatorValueService.RawValue(code, raw.isNumber() ? raw.numberValue() : raw.asText()));
        }
        return list;
    }

    /**
     * Adds the lines of the pasted indicator sheet ({@code code;value}) whose indicator was left empty in the
     * list: a value typed in the list wins over the sheet's.
     */
    static List<IndicatorValueService.RawValue> withPastedSheet(List<IndicatorValueService.RawValue> typed, Object sheet) {
        if (sheet == null || sheet.toString().isBlank()) {
            return typed;
        }
        List<IndicatorValueService.RawValue> pasted;
        try {
            pasted = IndicatorValueService.parseSheet(sheet.toString());
        } catch (ApiException e) {
            throw new ReportingFormException("Fiche d'indicateurs collée illisible : une ligne « code;valeur » par indicateur est attendue.");
        }
        java.util.Set<String> typedCodes = new java.util.HashSet<>();
        typed.forEach(v -> typedCodes.add(v.code() == null ? "" : v.code().trim().toUpperCase(Locale.ROOT)));
        List<IndicatorValueService.RawValue> all = new ArrayList<>(typed);
        for (IndicatorValueService.RawValue line : pasted) {
            String code = line.code() == null ? "" : line.code().trim().toUpperCase(Locale.ROOT);
            if (!typedCodes.contains(code)) {
                all.add(line);
            }
        }
        return all;
    }

    /** Accepts the form's Json list (Spin), a JSON string or a Java list of maps. */
    List<ActivityInput> parseActivities(Object value) {
        List<ActivityInput> list = new ArrayList<>();
        JsonNode root = FORM.jsonArray(value, "Liste des activités illisible.");
        if (root == null) {
            return list;
        }
        int i = 0;
        for (JsonNode node : root) {
            i++;
            list.add(new ActivityInput(text(node, "department"), text(node, "commune"), text(node, "domain"),
                    text(node, "targetGroup"), text(node, "description"), date(node, "startDate", i),
                    date(node, "endDate", i), number(node, "budgetXof", i), number(node, "beneficiaries", i)));
        }
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static LocalDate date(JsonNode node, String field, int index) {
        String text = text(node, field);
        return FORM.dateText(text, "Activité " + index + " : date invalide « " + text + " ».");
    }

    private static Long number(JsonNode node, String field, int index) {
        String text = text(node, field);
        return FORM.wholeNumberText(text, "Activité " + index + " : nombre entier attendu pour " + field + " (« " + text + " »).");
    }
}
