package bj.gouv.masm.reporting;

import bj.gouv.masm.reporting.ReportUploadService.ActivitiesResult;
import bj.gouv.masm.reporting.ReportUploadService.IndicatorUploadResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
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
@RequiredArgsConstructor
public class ReportController {

    private final QuarterlyReportService reports;
    private final IndicatorValueService indicatorValues;
    private final ReportActivityService activities;
    private final ReportUploadService uploads;

    public record ReportView(String businessKey, String conventionNumber, Long partnerId, String department,
                             String quarter, String status, String timeliness, OffsetDateTime settledAt,
                             String activitiesSummary, Long beneficiariesReached, Map<String, Long> beneficiariesByTargetGroup,
                             int activitiesRecorded, int indicatorsReported, int indicatorsExpected,
                             Integer consecutiveMissedQuarters, Integer consecutiveIncompleteQuarters, String sanction,
                             String revocationDecision, String revocationReason) {
    }

    public record IndicatorUpload(List<Map<String, Object>> values) {
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
    public IndicatorUploadResult uploadJson(@PathVariable String key, @RequestBody JsonNode body) {
        reports.getWritable(key); // 404/403 before the body's 400
        return uploads.uploadIndicators(key, ReportUploadService.fromJson(body));
    }

    @PostMapping(value = "/{key}/indicators", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    public IndicatorUploadResult uploadCsv(@PathVariable String key, @RequestBody String body) {
        reports.getWritable(key); // 404/403 before the body's 400
        return uploads.uploadIndicators(key, ReportUploadService.fromCsv(body));
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
    public ActivitiesResult addActivities(@PathVariable String key, @RequestBody List<ActivityRequest> body) {
        return uploads.addActivities(key, body == null ? List.of() : body.stream().map(a -> a == null ? null
                : new ActivityInput(a.department(), a.commune(), a.domain(), a.targetGroup(), a.description(),
                a.startDate(), a.endDate(), a.budgetXof(), a.beneficiaries())).toList());
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
