package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.EngineCalls;
import bj.gouv.masm.shared.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A quarterly report over REST: read it, upload its SIDoFFE indicator values (JSON or CSV, all or
 * nothing) and its activities. CPS staff see only their department's reports (others are 404).
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

    private final QuarterlyReportService reports;
    private final IndicatorValueService indicatorValues;
    private final ReportActivityService activities;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;

    public ReportController(QuarterlyReportService reports, IndicatorValueService indicatorValues,
                            ReportActivityService activities, RuntimeService runtimeService, EngineCalls engineCalls) {
        this.reports = reports;
        this.indicatorValues = indicatorValues;
        this.activities = activities;
        this.runtimeService = runtimeService;
        this.engineCalls = engineCalls;
    }

    public record ReportView(String businessKey, String conventionNumber, Long partnerId, String department,
                             String quarter, String status, String timeliness, OffsetDateTime settledAt,
                             String activitiesSummary, Long beneficiariesReached, Map<String, Long> beneficiariesByTargetGroup,
                             int activitiesRecorded, int indicatorsReported, int indicatorsExpected,
                             Integer consecutiveMissedQuarters, Integer consecutiveIncompleteQuarters, String sanction,
                             String revocationDecision, String revocationReason) {
    }

    public record IndicatorUpload(List<Map<String, Object>> values) {
    }

    public record IndicatorUploadResult(String businessKey, int stored, int indicatorsReported, int indicatorsExpected) {
    }

    public record ActivitiesResult(String businessKey, int activitiesRecorded) {
    }

    @GetMapping
    public List<ReportView> list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
                                 @RequestParam(required = false) String department) {
        return reports.visibleReports(year, quarter, department).stream().map(this::view).toList();
    }

    @GetMapping("/{key}")
    public ReportView get(@PathVariable String key) {
        return view(reports.getVisible(key));
    }

    @GetMapping("/{key}/indicators")
    public List<IndicatorValueService.StoredValue> indicators(@PathVariable String key) {
        return indicatorValues.list(reports.getVisible(key).getId());
    }

    @PostMapping(value = "/{key}/indicators", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public IndicatorUploadResult uploadJson(@PathVariable String key, @RequestBody JsonNode body) {
        QuarterlyReport report = reports.getWritable(key);
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
        return store(report, raw);
    }

    @PostMapping(value = "/{key}/indicators", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Transactional
    public IndicatorUploadResult uploadCsv(@PathVariable String key, @RequestBody String body) {
        QuarterlyReport report = reports.getWritable(key);
        List<IndicatorValueService.RawValue> raw = IndicatorValueService.parseSheet(body);
        return store(report, raw);
    }

    private IndicatorUploadResult store(QuarterlyReport report, List<IndicatorValueService.RawValue> raw) {
        int reported = indicatorValues.upload(report.getId(), raw);
        report.setIndicatorsReported(reported);
        if (report.getProcessInstanceId() != null) {
            engineCalls.asSystem(() -> runtimeService.setVariable(report.getProcessInstanceId(),
                    ReportingVariables.INDICATORS_REPORTED, reported));
        }
        return new IndicatorUploadResult(report.getBusinessKey(), raw.size(), reported, report.getIndicatorsExpected());
    }

    @GetMapping("/{key}/activities")
    public List<ReportActivityService.Activity> activities(@PathVariable String key) {
        return activities.list(reports.getVisible(key).getId());
    }

    public record ActivityRequest(String department, String commune, String domain, String targetGroup,
                                  String description, LocalDate startDate, LocalDate endDate, Long budgetXof,
                                  Long beneficiaries) {
    }

    @PostMapping(value = "/{key}/activities", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public ActivitiesResult addActivities(@PathVariable String key, @RequestBody List<ActivityRequest> body) {
        QuarterlyReport report = reports.getWritable(key);
        List<ActivityInput> inputs = body == null ? List.of() : body.stream().map(a -> a == null ? null
                : new ActivityInput(a.department(), a.commune(), a.domain(), a.targetGroup(), a.description(),
                a.startDate(), a.endDate(), a.budgetXof(), a.beneficiaries())).toList();
        if (inputs.isEmpty()) {
            throw ApiException.badRequest("Aucune activité transmise");
        }
        List<String> errors = activities.validate(report, inputs);
        if (!errors.isEmpty()) {
            throw new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "Activités refusées, rien n'a été enregistré : " + String.join(" ; ", errors),
                    errors.stream().map(e -> new ApiException.FieldError("activities", e)).toList());
        }
        int count = activities.add(report, inputs);
        if (report.getProcessInstanceId() != null) {
            engineCalls.asSystem(() -> runtimeService.setVariable(report.getProcessInstanceId(),
                    ReportingVariables.ACTIVITIES_RECORDED, count));
        }
        return new ActivitiesResult(report.getBusinessKey(), count);
    }

    private ReportView view(QuarterlyReport r) {
        return new ReportView(r.getBusinessKey(), r.getConventionNumber(), r.getPartnerId(), r.getDepartment(),
                r.quarterValue().toString(), r.getStatus().name(), r.getTimeliness() == null ? null : r.getTimeliness().name(),
                r.getSettledAt(), r.getActivitiesSummary(), r.getBeneficiariesReached(), r.getBeneficiariesByTargetGroup(),
                activities.count(r.getId()), r.getIndicatorsReported(), r.getIndicatorsExpected(), r.getConsecutiveMissed(),
                r.getConsecutiveIncomplete(), r.getSanction() == null ? null : r.getSanction().name(),
                r.getRevocationDecision(), r.getRevocationReason());
    }

}
