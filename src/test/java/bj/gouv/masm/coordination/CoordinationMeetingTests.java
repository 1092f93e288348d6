package bj.gouv.masm.coordination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.dashboard.SectorFixture;
import bj.gouv.masm.funding.ApiCalls;
import bj.gouv.masm.support.WebappLogin;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.shared.FormInputException;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CoordinationMeeting and its calendar, the Joint Commission's extraordinary sessions and the indicator.
 * Each test works on its own (past) year, so openings and figures do not depend on the order of the tests.
 */
class CoordinationMeetingTests extends IntegrationTestBase {

    @Autowired
    CoordinationService coordination;
    @Autowired
    CoordinationKpi kpi;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    private ProcessInstance instance(String key) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    }

    private Task task(ProcessInstance instance) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private String status(String key) {
        return jdbc.queryForObject("select status from coordination_meeting where business_key = ?", String.class, key);
    }

    private void asDpaf() {
        processEngine.getIdentityService().setAuthentication("dpaf.agent", List.of("dpaf"));
    }

    @Test
    void shouldOpenEachBodysMeetingOncePerPeriod() {
        CoordinationService.OpeningResult first = coordination.openPeriodsContaining(LocalDate.of(2021, 2, 10));
        assertThat(first.opened()).contains("GTGPS_PLENARY_2021-Q1", "GTGPS_GENDER_2021-Q1", "GTGPS_SOCIAL_PROTECTION_2021-Q1",
                "MIXED_GT_MINISTRY_2021-Q1", "MINISTER_LEAD_PTF_2021-S1", "NATIONAL_REVIEW_2021", "JOINT_COMMISSION_2021");
        CoordinationService.OpeningResult second = coordination.openPeriodsContaining(LocalDate.of(2021, 3, 31));
        assertThat(second.opened()).isEmpty();
        assertThat(second.alreadyOpen()).hasSize(first.opened().size());

        Task plan = task(instance("GTGPS_PLENARY_2021-Q1"));
        assertThat(plan.getTaskDefinitionKey()).isEqualTo(CoordinationVariables.TASK_PLAN);
        assertThat(plan.getDueDate()).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(plan.getId()).taskCandidateGroup("dpaf").count()).isEqualTo(1);
        Task cabinet = task(instance("MINISTER_LEAD_PTF_2021-S1"));
        assertThat(taskService.createTaskQuery().taskId(cabinet.getId()).taskCandidateGroup("cabinet").count()).isEqualTo(1);
        assertThat(status("GTGPS_PLENARY_2021-Q1")).isEqualTo("OPEN");
    }

    @Test
    void shouldPlanAndHoldAMeetingWithAttendanceAndRecommendations() {
        Partner partner = new SectorFixture(partners, conventions, jdbc).osc("ZOU", "FAMILY", "WOMEN");
        coordination.openPeriodsContaining(LocalDate.of(2020, 4, 1));
        ProcessInstance instance = instance("GTGPS_PLENARY_2020-Q2");
        asDpaf();
        Task plan = task(instance);
        assertThatThrownBy(() -> taskService.complete(plan.getId(), Map.of("plannedOn", "2020-07-15")))
                .isInstanceOf(FormInputException.class).hasMessageContaining("2020-06-30");
        taskService.complete(plan.getId(), Map.of("plannedOn", "2020-05-20", "venue", "Salle de conférence du MASM"));
        assertThat(status("GTGPS_PLENARY_2020-Q2")).isEqualTo("PLANNED");

        Task hold = task(instance);
        assertThat(hold.getTaskDefinitionKey()).isEqualTo(CoordinationVariables.TASK_HOLD);
        assertThat(hold.getDueDate()).isNotNull();
        assertThatThrownBy(() -> taskService.complete(hold.getId(), Map.of("meetingHeld", "true", "heldOn", "2020-05-20")))
                .isInstanceOf(FormInputException.class);
        taskService.complete(hold.getId(), Map.of("meetingHeld", "true", "heldOn", "2020-05-20",
                "minutes", "Point des recommandations ; plan d'action 2020", "participantsCount", 25,
                "partnersPresent", SpinValues.jsonValue("[\"" + partner.getId() + "\"]").create(),
                "meetingRecommendations", SpinValues.jsonValue("[{\"text\": \"Partager les données genre\", "
                        + "\"owner\": \"offe\", \"dueDate\": \"2020-09-30\"}]").create()));

        assertThat(instance).isEnded().hasPassed("EndEvent_MeetingHeld");
        assertThat(status("GTGPS_PLENARY_2020-Q2")).isEqualTo("HELD");
        assertThat(jdbc.queryForObject("select on_schedule from coordination_meeting where business_key = ?", Boolean.class,
                "GTGPS_PLENARY_2020-Q2")).isTrue();
        assertThat(jdbc.queryForList("select partner_id from coordination_attendance a join coordination_meeting m "
                + "on m.id = a.meeting_id where m.business_key = ?", Long.class, "GTGPS_PLENARY_2020-Q2")).containsExactly(partner.getId());
        assertThat(jdbc.queryForObject("select count(*) from recommendation where source_type = 'COORDINATION_MEETING' "
                + "and source_key = ?", Integer.class, "GTGPS_PLENARY_2020-Q2")).isEqualTo(1);

        CoordinationKpi.BodyFigure gtgps = kpi.kpi(2020).bodies().stream().filter(b -> b.body().equals("GTGPS_PLENARY"))
                .findFirst().orElseThrow();
        assertThat(gtgps.expected()).isEqualTo(4);
        assertThat(gtgps.held()).isEqualTo(1);
        assertThat(gtgps.onSchedule()).as("one meeting of four").isFalse();
    }

    @Test
    void shouldPlanAPostponedMeetingAgain() {
        coordination.openPeriodsContaining(LocalDate.of(2019, 7, 10));
        ProcessInstance instance = instance("MIXED_GT_MINISTRY_2019-Q3");
        asDpaf();
        taskService.complete(task(instance).getId(), Map.of("plannedOn", "2019-08-01"));
        Task hold = task(instance);
        assertThatThrownBy(() -> taskService.complete(hold.getId(), Map.of("meetingHeld", "false")))
                .isInstanceOf(FormInputException.class);
        taskService.complete(hold.getId(), Map.of("meetingHeld", "false", "postponementReason", "Quorum non atteint"));

        assertThat(instance).isWaitingAt(CoordinationVariables.TASK_PLAN).hasPassed("Gateway_MeetingHeld");
        assertThat(status("MIXED_GT_MINISTRY_2019-Q3")).isEqualTo("OPEN");
    }

    @Test
    void shouldRecordTheMeetingNotHeldWhenItsPeriodEnds() {
        coordination.openPeriodsContaining(LocalDate.of(2017, 3, 1));
        ProcessInstance instance = instance("GTGPS_GENDER_2017-Q1");
        var timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(LocalDate.of(2017, 4, 1)
                .atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()));
        managementService.executeJob(timer.getId());

        assertThat(instance).isEnded().hasPassed("EndEvent_MeetingNotHeld");
        assertThat(status("GTGPS_GENDER_2017-Q1")).isEqualTo("NOT_HELD");
    }

    @Test
    void shouldConveneAnExtraordinaryJointCommissionSession() throws Exception {
        ApiCalls api = new ApiCalls(baseUrl());
        LocalDate on = LocalDate.now().plusDays(20 + (int) (System.nanoTime() % 300));
        String body = "{\"reason\": \"Crise humanitaire au nord\", \"plannedOn\": \"" + on + "\"}";
        assertThat(api.post("/api/joint-commission/sessions", "cps.borgou", body).statusCode()).isEqualTo(403);
        assertThat(api.post("/api/joint-commission/sessions", "manager", body).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = api.post("/api/joint-commission/sessions", "dpaf.agent",
                "{\"plannedOn\": \"2001-01-01\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body()).get("errors").findValuesAsText("field")).contains("reason", "plannedOn");

        HttpResponse<String> created = api.post("/api/joint-commission/sessions", "cabinet.conseiller", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode session = json.readTree(created.body());
        assertThat(session.get("extraordinary").asBoolean()).isTrue();
        assertThat(session.get("status").asText()).isEqualTo("PLANNED");
        String key = session.get("businessKey").asText();
        assertThat(key).startsWith("JOINT_COMMISSION_" + on + "-EXT");
        ProcessInstance instance = instance(key);
        assertThat(instance).isWaitingAt(CoordinationVariables.TASK_HOLD).hasPassed("Gateway_AlreadyPlanned")
                .hasNotPassed(CoordinationVariables.TASK_PLAN);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup("dpaf").count())
                .isEqualTo(1);
        assertThat(api.post("/api/joint-commission/sessions", "dpaf.agent", body).statusCode())
                .as("one session a day").isEqualTo(409);
    }

    @Test
    void shouldComputeTheIndicatorPerBodyAndYear() throws Exception {
        int year = 2016;
        insertHeld("GTGPS_PLENARY", year, "Q1", true, false);
        insertHeld("GTGPS_PLENARY", year, "Q2", true, false);
        insertHeld("GTGPS_PLENARY", year, "Q3", true, false);
        insertHeld("GTGPS_PLENARY", year, "Q4", true, false);
        insertHeld("GTGPS_GENDER", year, "Q1", true, false);
        insertHeld("GTGPS_GENDER", year, "Q2", false, false);
        insertHeld("JOINT_COMMISSION", year, "", true, false);
        insertHeld("JOINT_COMMISSION", year, "EXT1", true, true);

        HttpResponse<String> response = new ApiCalls(baseUrl()).get("/api/coordination/kpi?year=" + year, "cps.zou");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("bodies").size()).isEqualTo(7);
        JsonNode plenary = find(answer, "GTGPS_PLENARY");
        assertThat(plenary.get("expected").asInt()).isEqualTo(4);
        assertThat(plenary.get("held").asInt()).isEqualTo(4);
        assertThat(plenary.get("onSchedule").asBoolean()).isTrue();
        JsonNode gender = find(answer, "GTGPS_GENDER");
        assertThat(gender.get("held").asInt()).isEqualTo(2);
        assertThat(gender.get("onSchedule").asBoolean()).isFalse();
        JsonNode commission = find(answer, "JOINT_COMMISSION");
        assertThat(commission.get("expected").asInt()).isEqualTo(1);
        assertThat(commission.get("held").asInt()).isEqualTo(2);
        assertThat(commission.get("onSchedule").asBoolean()).isTrue();
        assertThat(find(answer, "MINISTER_LEAD_PTF").get("expected").asInt()).isEqualTo(2);
        assertThat(answer.get("rate").asDouble()).isEqualTo(0.2857);
        assertThat(new ApiCalls(baseUrl()).get("/api/coordination/kpi?year=1800", "cps.zou").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldOpenTheCurrentPeriodsFromTheCalendarTimer() {
        var job = managementService.createJobQuery().processDefinitionKey(CoordinationVariables.CALENDAR).timers().singleResult();
        assertThat(job).isNotNull();
        managementService.executeJob(job.getId());
        String quarter = CoordinationService.MeetingPeriod.of("QUARTERLY", LocalDate.now()).key();
        assertThat(jdbc.queryForObject("select count(*) from coordination_meeting where business_key = ?", Integer.class,
                "GTGPS_PLENARY_" + quarter)).isEqualTo(1);
        assertThat(managementService.createJobQuery().processDefinitionKey(CoordinationVariables.CALENDAR).timers().count())
                .as("next quarter scheduled").isEqualTo(1);
    }

    @Test
    void shouldShowTheIndicatorOnTheDashboard() throws Exception {
        String session = WebappLogin.logIn(baseUrl(), "manager", "demo").cookies();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/dashboard"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Organes de coordination").contains("GTGPS — sous-groupe Genre")
                .contains(String.valueOf(LocalDate.now().getYear() - 1));
        HttpResponse<String> list = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/dashboard/partners")).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.body()).as("the panel is on the dashboard page only").doesNotContain("Organes de coordination");
    }

    private static JsonNode find(JsonNode answer, String body) {
        for (JsonNode b : answer.get("bodies")) {
            if (b.get("body").asText().equals(body)) {
                return b;
            }
        }
        throw new AssertionError("no body " + body);
    }

    private void insertHeld(String body, int year, String period, boolean onSchedule, boolean extraordinary) {
        OffsetDateTime now = OffsetDateTime.now();
        String key = body + "_" + year + (period.isEmpty() ? "" : "-" + period) + "-T" + System.nanoTime();
        jdbc.update("insert into coordination_meeting (body_code, business_key, period_key, meeting_year, period_start, "
                + "period_end, extraordinary, status, held_on, on_schedule, created_at, created_by, updated_at, updated_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, 'HELD', ?, ?, ?, 'test', ?, 'test')", body, key, year + "-" + period, year,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), extraordinary, LocalDate.of(year, 6, 1), onSchedule,
                now, now);
    }
}
