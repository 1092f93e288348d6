package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.security.Groups;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** ReviewCalendar: June and December open twelve reviews with the right keys; never twice. */
class ReviewCalendarTests extends ReviewsTestSupport {

    @Test
    void shouldOpenTwelveReviewsInJune() {
        setClock(2093, 6, 1, 8);
        fireTimerStart(ReviewVariables.CALENDAR_PROCESS);

        HalfYear halfYear = new HalfYear(2093, 1);
        assertThat(departmentalReviewsOf(halfYear)).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrderElementsOf(officeGroups.departments().stream().map(d -> d + "_2093-S1").toList());
        assertThat(reviewRepository.findByHalfYearKeyOrderByDepartment("2093-S1")).hasSize(12)
                .allSatisfy(r -> assertThat(r.getProcessInstanceId()).isNotNull());
        ProcessInstance calendar = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ReviewVariables.CALENDAR_PROCESS).processInstanceBusinessKey("2093-S1").singleResult();
        assertThat(calendar).as("the calendar instance waits for the twelve").isNotNull();
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(calendar.getId())
                .variableName("department").count()).as("the calendar is not a departmental case").isZero();
        // each review is scoped to its department and its CPS works it
        ProcessInstance borgou = reviewInstance("BORGOU", halfYear);
        assertThat(runtimeService.getVariable(borgou.getId(), "department")).isEqualTo("BORGOU");
        assertThat(taskService.createTaskQuery().processInstanceId(borgou.getId())
                .taskDefinitionKey("Task_PrepareDepartmentalReview").taskCandidateGroup("cps-borgou").count()).isEqualTo(1);
    }

    @Test
    void shouldOpenTwelveReviewsInDecemberForTheSecondHalfYear() {
        setClock(2093, 12, 1, 8);
        fireTimerStart(ReviewVariables.CALENDAR_PROCESS);

        assertThat(departmentalReviewsOf(new HalfYear(2093, 2))).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrderElementsOf(officeGroups.departments().stream().map(d -> d + "_2093-S2").toList());
    }

    @Test
    void shouldOpenNothingTwiceWhetherByTimerOrByHand() throws Exception {
        setClock(2092, 6, 1, 8);
        fireTimerStart(ReviewVariables.CALENDAR_PROCESS);
        fireTimerStart(ReviewVariables.CALENDAR_PROCESS);

        HalfYear halfYear = new HalfYear(2092, 1);
        assertThat(departmentalReviewsOf(halfYear)).hasSize(12);
        assertThat(historyOfCalendarEndedAt("EndEvent_HalfYearAlreadyOpen")).isGreaterThanOrEqualTo(1);

        HttpResponse<String> byHand = post("/api/reviews/half-years/2092-S1/open", "dpaf.agent", null);
        assertThat(byHand.statusCode()).isEqualTo(200);
        assertThat(byHand.body()).contains("\"created\":false").contains("BORGOU_2092-S1");
        assertThat(departmentalReviewsOf(halfYear)).hasSize(12);
        assertThat(jdbc.queryForObject("select count(*) from review_half_year where half_year_key = '2092-S1'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void shouldOpenByHandOnceAndThenIgnoreTheTimer() throws Exception {
        setClock(2094, 11, 15, 10);
        HttpResponse<String> first = post("/api/reviews/half-years/2094-S2/open", "dpaf.agent", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.body()).contains("\"created\":true");
        HalfYear halfYear = new HalfYear(2094, 2);
        assertThat(departmentalReviewsOf(halfYear)).hasSize(12);
        // started by DPAF: the calendar instance records its starter and carries the half-year as business key
        ProcessInstance calendar = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ReviewVariables.CALENDAR_PROCESS).processInstanceBusinessKey("2094-S2").singleResult();
        assertThat(calendar).isNotNull();
        assertThat(jdbc.queryForObject("select created_by from review_half_year where half_year_key = '2094-S2'",
                String.class)).isEqualTo("dpaf.agent");

        assertThat(post("/api/reviews/half-years/2094-S2/open", "admin", null).statusCode()).isEqualTo(200);
        setClock(2094, 12, 1, 8);
        fireTimerStart(ReviewVariables.CALENDAR_PROCESS);
        assertThat(departmentalReviewsOf(halfYear)).hasSize(12);
    }

    @Test
    void shouldRefuseBadKeysFutureHalfYearsAndOtherGroups() throws Exception {
        setClock(2095, 3, 1, 8);
        assertThat(post("/api/reviews/half-years/2095-S3/open", "dpaf.agent", null).statusCode()).isEqualTo(400);
        HttpResponse<String> garbage = post("/api/reviews/half-years/abc/open", "dpaf.agent", null);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("\"message\"");
        assertThat(post("/api/reviews/half-years/2095-S2/open", "dpaf.agent", null).statusCode()).isEqualTo(400);
        assertThat(post("/api/reviews/half-years/2095-S1/open", "cps.borgou", null).statusCode()).isEqualTo(403);
        assertThat(post("/api/reviews/half-years/2095-S1/open", "manager", null).statusCode()).isEqualTo(403);
        assertThat(departmentalReviewsOf(new HalfYear(2095, 1))).isEmpty();
    }

    private long historyOfCalendarEndedAt(String endEventId) {
        return processEngine.getHistoryService().createHistoricActivityInstanceQuery().activityId(endEventId).count();
    }

    static List<String> keys(List<ProcessInstance> instances) {
        return instances.stream().map(ProcessInstance::getBusinessKey).toList();
    }
}
