package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.EngineCalls;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a quarterly report receives over REST besides its form: its SIDoFFE indicator values (JSON or CSV
 * {@code code;value}, all or nothing) and its activities. Each upload stores the values on the report and
 * tells its open process instance how many it now has ({@code indicatorsReported},
 * {@code activitiesRecorded}).
 */
@Service
@RequiredArgsConstructor
public class ReportUploadService {

    public record IndicatorUploadResult(String businessKey, int stored, int indicatorsReported, int indicatorsExpected) {
    }

    public record ActivitiesResult(String businessKey, int activitiesRecorded) {
    }

    private final QuarterlyReportService reports;
    private final IndicatorValueService indicatorValues;
    private final ReportActivityService activities;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;

    /** The values of a JSON body {@code {"values": [{"code": "SIDOFFE-01", "value": 12}, ...]}}; 400 otherwise. */
    public static List<IndicatorValueService.RawValue> fromJson(JsonNode body) {
        JsonNode values = body == null ? null : body.get("values");
        if (values == null || !values.isArray()) {
            throw ApiException.badRequest("Corps attendu : {\"values\": [{\"code\": \"SIDOFFE-01\", \"value\": 12}, ...]}");
        }
        List<IndicatorValueService.RawValue> raw = new ArrayList<>();
        for (JsonNode v : values) {
            JsonNode code = v.get("code");
            JsonNode value = v.get("value");
            raw.add(new IndicatorValueService.RawValue(code == null || code.isNull() ? null : code.asText(),
                    value == null || value.isNull() ? null : value.isNumber() ? value.decimalValue() : value.asText()));
        }
        return raw;
    }

    /** The values of a CSV body {@code code;value} (an optional header line {@code code;...}); 400 when unreadable. */
    public static List<IndicatorValueService.RawValue> fromCsv(String body) {
        return IndicatorValueService.parseSheet(body);
    }

    /** Stores the indicator values of a report the caller may write (all or nothing). */
    @Transactional
    public IndicatorUploadResult uploadIndicators(String key, List<IndicatorValueService.RawValue> raw) {
        QuarterlyReport report = reports.getWritable(key);
        int reported = indicatorValues.upload(report.getId(), raw);
        report.setIndicatorsReported(reported);
        tellProcess(report, ReportingVariables.INDICATORS_REPORTED, reported);
        return new IndicatorUploadResult(report.getBusinessKey(), raw.size(), reported, report.getIndicatorsExpected());
    }

    /** Adds activities to a report the caller may write: all or nothing, every refusal listed in one 400. */
    @Transactional
    public ActivitiesResult addActivities(String key, List<ActivityInput> inputs) {
        QuarterlyReport report = reports.getWritable(key);
        if (inputs.isEmpty()) {
            throw ApiException.badRequest("Aucune activité transmise");
        }
        List<String> errors = activities.validate(report, inputs);
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST,
                    "Activités refusées, rien n'a été enregistré : " + String.join(" ; ", errors),
                    errors.stream().map(e -> new ApiException.FieldError("activities", e)).toList());
        }
        int count = activities.add(report, inputs);
        tellProcess(report, ReportingVariables.ACTIVITIES_RECORDED, count);
        return new ActivitiesResult(report.getBusinessKey(), count);
    }

    private void tellProcess(QuarterlyReport report, String variable, int value) {
        if (report.getProcessInstanceId() != null) {
            engineCalls.asSystem(() -> runtimeService.setVariable(report.getProcessInstanceId(), variable, value));
        }
    }
}
