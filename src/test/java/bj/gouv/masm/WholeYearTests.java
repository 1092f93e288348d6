package bj.gouv.masm;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.reporting.Quarter;
import bj.gouv.masm.reporting.QuarterOpeningService;
import bj.gouv.masm.reporting.QuarterlyReport;
import bj.gouv.masm.reporting.QuarterlyReportRepository;
import bj.gouv.masm.reporting.ReportStatus;
import bj.gouv.masm.reporting.Sanction;
import bj.gouv.masm.reporting.Timeliness;
import bj.gouv.masm.reviews.DepartmentalReviewService;
import bj.gouv.masm.reviews.ReviewQuarter;
import bj.gouv.masm.reviews.ReviewReport;
import bj.gouv.masm.reviews.ReviewReportStore;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, "Done when": one OSC of Couffo through a whole year on the engine's clock (year 2077, used
 * by no other test) — dossier, signature, four quarterly reports recorded the way Tasklist submits them
 * with every SIDoFFE indicator, the half-year review held after its second quarter is reported: no
 * sanction, the review counts both quarters, the convention expires on its end date with its final
 * evaluation still open.
 */
class WholeYearTests extends IntegrationTestBase {

    static final ZoneId ZONE = bj.gouv.masm.shared.MasmTimeZone.zone();

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionService conventions;
    @Autowired
    QuarterOpeningService quarters;
    @Autowired
    QuarterlyReportRepository reports;
    @Autowired
    ReviewReportStore reviewReports;
    @Autowired
    DepartmentalReviewService reviews;

    private final ObjectMapper json = new ObjectMapper();

    private static void today(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(ZONE).toInstant()));
    }

    private Task task(String processInstanceId, String key) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    private void complete(ProcessInstance instance, String key, Map<String, Object> variables) {
        Task task = task(instance.getId(), key);
        assertThat(task).as(key).isNotNull();
        taskService.complete(task.getId(), variables);
    }

    /** Fires the lifecycle's due timers, as the job executor would at the clock's time. */
    private void fireDueTimers(ProcessInstance instance) {
        for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
            if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
                managementService.executeJob(job.getId());
            }
        }
    }

    /** The report as Tasklist submits it: the rows the form showed, every value typed. */
    private void recordInTasklistShape(String reportKey) throws Exception {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reportKey)
                .taskDefinitionKey("Task_RecordQuarterlyReport").singleResult();
        assertThat(task).as("report task " + reportKey).isNotNull();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode shown : json.readTree(taskService.getVariable(task.getId(), "indicatorValues").toString())) {
            Map<String, Object> row = json.convertValue(shown, Map.class);
            row.put("value", shown.get("unit").asText().startsWith("%") ? 64.5 : 25);
            rows.add(row);
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put("reportReceived", true);
        vars.put("activitiesSummary", "Protection de l'enfance : sensibilisation et prise en charge");
        vars.put("beneficiariesChildren", 60L);
        vars.put("beneficiariesGirls", 35L);
        vars.put("indicatorValues", Spin.JSON(json.writeValueAsString(rows)));
        taskService.complete(task.getId(), vars);
    }

    private QuarterlyReport reportQuarter(Convention convention, Quarter quarter) throws Exception {
        today(quarter.end().plusDays(1), 8);
        assertThat(quarters.openQuarter(quarter).opened()).contains(QuarterlyReport.businessKey(convention.getNumber(), quarter));
        today(quarter.end().plusDays(3), 10);
        String key = QuarterlyReport.businessKey(convention.getNumber(), quarter);
        recordInTasklistShape(key);
        QuarterlyReport report = reports.findByBusinessKey(key).orElseThrow();
        assertThat(report.getStatus()).isEqualTo(ReportStatus.RECEIVED);
        assertThat(report.getTimeliness()).isEqualTo(Timeliness.ON_TIME);
        assertThat(report.getIndicatorsReported()).isEqualTo(report.getIndicatorsExpected()).isEqualTo(77);
        assertThat(report.getSanction()).as("sanction of " + key).isEqualTo(Sanction.NONE);
        return report;
    }

    @Test
    void shouldPlayOneOscThroughAWholeYearWithoutSanctionAndWithTheReviewCountingBothQuarters() throws Exception {
        // dossier filed, checked by the CPS, reviewed by DPAF, signed by the SGM on 4 January 2077 for 12 months
        today(LocalDate.of(2077, 1, 4), 9);
        Partner partner = new Partner("OSC Une Année " + UUID.randomUUID(), PartnerKind.OSC, "NATIONAL_NGO");
        partner.setRegistrationNumber("RN-" + UUID.randomUUID());
        partner.setHeadOfficeDepartment("COUFFO");
        partner.setDepartments(java.util.Set.of("COUFFO"));
        partner.setDomains(java.util.Set.of("CHILD_PROTECTION"));
        partner.touch("test", java.time.OffsetDateTime.now());
        partner = partners.saveAndFlush(partner);
        ProcessInstance lifecycle = runtimeService.startProcessInstanceByKey(PROCESS_KEY, Map.of(PARTNER_ID, partner.getId()));
        complete(lifecycle, TASK_CHECK_DOSSIER, Map.of(DOSSIER_COMPLETE, true, RECEIVED_DOCUMENTS, List.of("STATUTES")));
        complete(lifecycle, TASK_REVIEW_DOSSIER, Map.of(REVIEW_OPINION, "FAVOURABLE", REVIEW_COMMENT, "Dossier solide"));
        Map<String, Object> signature = new HashMap<>(Map.of(SIGNED_ON, Date.from(LocalDate.of(2077, 1, 4).atStartOfDay(ZONE).toInstant()),
                DURATION_MONTHS, 12, PARTNER_SIGNATORY, "M. K. Houngbo, président", OBLIGATIONS, "Obligations réciproques",
                MONITORING_ARRANGEMENT, "Suivi par le CPS du Couffo", RENEWAL_CONDITIONS, "Sur demande"));
        signature.put(ACCOMPANIMENT, "Appui du CPS");
        signature.put(ACCOUNTABILITY, "Rapports trimestriels et indicateurs SIDoFFE");
        complete(lifecycle, TASK_SIGN_CONVENTION, signature);
        String number = (String) runtimeService.getVariable(lifecycle.getId(), CONVENTION_NUMBER);
        Convention convention = conventions.get(number);
        assertThat(convention.getStatus()).isEqualTo(ConventionStatus.ACTIVE);
        assertThat(convention.getEndDate()).isEqualTo(LocalDate.of(2078, 1, 4));

        // Q1, then the half-year review opens on 1 June, Q2 is reported in July, the review is held after it
        reportQuarter(convention, new Quarter(2077, 1));
        today(LocalDate.of(2077, 6, 1), 8);
        runtimeService.startProcessInstanceByMessage("OpenHalfYear", "2077-S1", Map.of("halfYear", "2077-S1"));
        String reviewKey = "COUFFO_2077-S1";
        ProcessInstance review = runtimeService.createProcessInstanceQuery().processDefinitionKey("DepartmentalReview")
                .processInstanceBusinessKey(reviewKey).singleResult();
        assertThat(review).isWaitingAt("Task_PrepareDepartmentalReview");

        reportQuarter(convention, new Quarter(2077, 2));
        complete(review, "Task_PrepareDepartmentalReview", Map.of("plannedOn", "2077-07-20", "venue", "CPS d'Aplahoué"));
        today(LocalDate.of(2077, 7, 20), 16);
        complete(review, "Task_HoldDepartmentalReview", Map.of("heldOn", "2077-07-20",
                "minutes", "Revue du premier semestre 2077", "participantsCount", 18));
        ReviewReport held = reviewReports.find(ReviewReport.SCOPE_DEPARTMENT, reviewKey).orElseThrow();
        assertThat(held.isFrozen()).isTrue();
        assertThat(held.figures().reportsExpected()).isEqualTo(2);
        assertThat(held.figures().reportsReceived()).as("the review counts both quarters").isEqualTo(2);
        assertThat(held.figures().reportsOnTime()).isEqualTo(2);
        assertThat(held.figures().warnings() + held.figures().revocationsProposed()).isZero();
        assertThat(held.quarters()).extracting(ReviewQuarter::quarter, ReviewQuarter::received, ReviewQuarter::awaited)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2077-Q1", 1, 0),
                        org.assertj.core.groups.Tuple.tuple("2077-Q2", 1, 0));

        // mid-term evaluation done; Q3; the final evaluation falls due and DPAF leaves it open; Q4
        today(LocalDate.of(2077, 7, 21), 9);
        fireDueTimers(lifecycle);
        complete(lifecycle, TASK_EVALUATE_MID_TERM, Map.of(MID_TERM_RATING, "ON_TRACK", MID_TERM_RECOMMENDATIONS, "Poursuivre"));
        reportQuarter(convention, new Quarter(2077, 3));
        today(LocalDate.of(2077, 10, 20), 9);
        fireDueTimers(lifecycle);
        assertThat(task(lifecycle.getId(), TASK_EVALUATE_FINAL)).as("final evaluation open").isNotNull();
        reportQuarter(convention, new Quarter(2077, 4));

        assertThat(reports.findAll().stream().filter(r -> number.equals(r.getConventionNumber())))
                .hasSize(4).allSatisfy(r -> assertThat(r.getSanction()).isEqualTo(Sanction.NONE));
        assertThat(conventions.get(number).getStatus()).isEqualTo(ConventionStatus.ACTIVE);

        // end date: the convention expires even though its final evaluation is still open
        today(LocalDate.of(2078, 1, 4), 9);
        fireDueTimers(lifecycle);
        assertThat(conventions.get(number).getStatus()).isEqualTo(ConventionStatus.EXPIRED);
        assertThat(task(lifecycle.getId(), TASK_EVALUATE_FINAL)).as("final evaluation still to do").isNotNull();
    }
}
