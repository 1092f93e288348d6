package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.reporting.Quarter;
import bj.gouv.masm.reporting.QuarterOpeningService;
import bj.gouv.masm.reporting.QuarterlyReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 item 2: a departmental review opened on 1 June counts every quarterly report recorded until
 * it is held (its second quarter included), says per quarter how many reports are still awaited, then
 * keeps the figures as discussed; the national report merges the held figures. Half-year 2076-S1, ATACORA.
 */
class ReviewFiguresUntilHeldTests extends ReviewsTestSupport {

    static final HalfYear H = new HalfYear(2076, 1);

    @Autowired
    QuarterOpeningService quarters;
    @Autowired
    NationalReportService nationalReports;

    private final ObjectMapper json = new ObjectMapper();

    private void recordReport(Convention convention, Quarter quarter) {
        Task task = taskService.createTaskQuery()
                .processInstanceBusinessKey(QuarterlyReport.businessKey(convention.getNumber(), quarter))
                .taskDefinitionKey("Task_RecordQuarterlyReport").singleResult();
        assertThat(task).as("report task " + convention.getNumber() + " " + quarter).isNotNull();
        Map<String, Object> vars = new HashMap<>();
        vars.put("reportReceived", true);
        vars.put("activitiesSummary", "Activités du trimestre " + quarter);
        vars.put("beneficiariesWomen", 10L);
        taskService.complete(task.getId(), vars);
    }

    private JsonNode report(String key) throws Exception {
        HttpResponse<String> response = get("/api/reviews/" + key, "dpaf.agent");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).get("report");
    }

    private static JsonNode quarter(JsonNode report, String quarter) {
        for (JsonNode q : report.get("quarters")) {
            if (q.get("quarter").asText().equals(quarter)) {
                return q;
            }
        }
        throw new AssertionError("no quarter " + quarter + " in " + report);
    }

    @Test
    void shouldCountTheReportsRecordedUntilTheReviewIsHeldThenKeepThemAsDiscussed() throws Exception {
        Partner a = partner("OSC revue A", PartnerKind.OSC, "ATACORA", Set.of("ATACORA"), false);
        Partner b = partner("OSC revue B", PartnerKind.OSC, "ATACORA", Set.of("ATACORA"), false);
        Convention ca = convention(a, "ATACORA", LocalDate.of(2076, 1, 1), LocalDate.of(2076, 12, 31), ConventionStatus.ACTIVE);
        Convention cb = convention(b, "ATACORA", LocalDate.of(2076, 1, 1), LocalDate.of(2076, 12, 31), ConventionStatus.ACTIVE);
        Quarter q1 = new Quarter(2076, 1);
        Quarter q2 = new Quarter(2076, 2);

        setClock(2076, 4, 1, 8);
        quarters.openQuarter(q1);
        setClock(2076, 4, 10, 9);
        recordReport(ca, q1);
        recordReport(cb, q1);

        // 1 June: the review opens; Q2 has not ended, its two reports are awaited
        setClock(2076, 6, 1, 8);
        openHalfYear(H);
        String key = "ATACORA_2076-S1";
        JsonNode opened = report(key);
        assertThat(opened.get("figures").get("reportsReceived").asInt()).isEqualTo(2);
        assertThat(quarter(opened, "2076-Q1").get("awaited").asInt()).isZero();
        assertThat(quarter(opened, "2076-Q2").get("awaited").asInt()).isEqualTo(2);
        assertThat(opened.hasNonNull("frozenAt")).isFalse();

        // July: Q2 is opened, A reports; the review is prepared and held before B reports
        setClock(2076, 7, 1, 8);
        quarters.openQuarter(q2);
        setClock(2076, 7, 8, 9);
        recordReport(ca, q2);
        ProcessInstance review = reviewInstance("ATACORA", H);
        prepare(review, "2076-07-10");
        Task holdTask = task(review, "Task_HoldDepartmentalReview");
        String shown = (String) taskService.getVariableLocal(holdTask.getId(), ReviewVariables.DEPARTMENTAL_REPORT_TEXT);
        assertThat(shown).contains("Rapports trimestriels attendus : 4, reçus : 3")
                .contains("T2 2076 : 2 rapport(s) attendu(s), 1 reçu(s), 0 manqué(s), 1 encore attendu(s)")
                .contains("Chiffres provisoires");
        setClock(2076, 7, 10, 16);
        hold(review, "2076-07-10", null);

        JsonNode held = report(key);
        assertThat(held.get("figures").get("reportsReceived").asInt()).isEqualTo(3);
        assertThat(held.hasNonNull("frozenAt")).isTrue();

        // B reports after the meeting: the review keeps the figures it discussed
        setClock(2076, 7, 12, 9);
        recordReport(cb, q2);
        JsonNode later = report(key);
        assertThat(later.get("figures").get("reportsReceived").asInt()).isEqualTo(3);
        assertThat(quarter(later, "2076-Q2").get("awaited").asInt()).isEqualTo(1);
        String csv = get("/api/reviews/" + key + "/report.csv", "dpaf.agent").body();
        assertThat(csv).contains("Rapports encore attendus T2 2076;1 sur 2").contains("Rapports reçus;3");
        assertThat(get("/api/reviews/" + key + "/report.html", "dpaf.agent").body())
                .contains("Rapports encore attendus T1 2076").contains("arrêtés à la tenue de la revue");

        // the national report merges the held figures (3 received in ATACORA, not the 4 recorded by now)
        ReviewReport national = nationalReports.merge(H);
        assertThat(national.figures().line(ReviewFigures.DEPARTMENT, "ATACORA")).isNotNull();
        assertThat(national.figures().reportsReceived()).isEqualTo(3);
        assertThat(national.quarters()).extracting(ReviewQuarter::quarter).containsExactly("2076-Q1", "2076-Q2");
        assertThat(national.quarters().get(1).awaited()).isEqualTo(1);
    }
}
