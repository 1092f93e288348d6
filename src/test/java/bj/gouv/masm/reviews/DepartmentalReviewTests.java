package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/** DepartmentalReview: server-side checks of the forms, the late-review escalation, the copy to DPAF. */
class DepartmentalReviewTests extends ReviewsTestSupport {

    @Test
    void shouldEscalateAReviewNotHeldByTheEndOfItsMonthToDpaf() {
        HalfYear halfYear = new HalfYear(2098, 2);
        setClock(2098, 12, 1, 8);
        openHalfYear(halfYear);
        ProcessInstance borgou = reviewInstance("BORGOU", halfYear);
        ProcessInstance alibori = reviewInstance("ALIBORI", halfYear);

        Job timer = managementService.createJobQuery().processInstanceId(borgou.getId()).timers()
                .activityId("BoundaryEvent_ReviewNotHeldInTime").singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(LocalDateTime.of(2099, 1, 1, 0, 0).atZone(ZONE).toInstant());
        assertThat(task(borgou, "Task_PrepareDepartmentalReview").getDueDate()).isEqualTo(timer.getDuedate());

        setClock(2099, 1, 1, 0);
        managementService.executeJob(timer.getId());

        Task escalation = task(borgou, "Task_EscalateLateReview");
        assertThat(escalation).isNotNull();
        assertThat(taskService.createTaskQuery().taskId(escalation.getId()).taskCandidateGroup("dpaf").count()).isEqualTo(1);
        assertThat(task(borgou, "Task_PrepareDepartmentalReview")).as("the CPS can still hold it").isNotNull();
        assertThat(reviewRepository.findByBusinessKey("BORGOU_2098-S2").orElseThrow().getEscalatedAt()).isNotNull();
        assertThat(reviewRepository.findByBusinessKey("ALIBORI_2098-S2").orElseThrow().getEscalatedAt()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from review_notification where kind = 'REVIEW_LATE' "
                + "and related_key = 'BORGOU_2098-S2'", Integer.class)).isEqualTo(1);

        // DPAF must decide and say what it did; reminding keeps the review waiting
        assertThatThrownBy(() -> taskService.complete(escalation.getId(), Map.of("lateReviewDecision", "REMIND")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Suite donnée");
        assertThatThrownBy(() -> taskService.complete(escalation.getId(), Map.of("escalationAction", "Relance")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Décision");
        taskService.complete(escalation.getId(), Map.of("lateReviewDecision", "REMIND",
                "escalationAction", "CPS relancé, revue fixée au 10 janvier"));
        assertThat(task(borgou, "Task_EscalateLateReview")).isNull();
        assertThat(task(borgou, "Task_PrepareDepartmentalReview")).isNotNull();

        // Atacora never meets: DPAF closes its review as not held, so the half-year is not blocked
        ProcessInstance atacora = reviewInstance("ATACORA", halfYear);
        managementService.executeJob(managementService.createJobQuery().processInstanceId(atacora.getId()).timers()
                .activityId("BoundaryEvent_ReviewNotHeldInTime").singleResult().getId());
        taskService.complete(task(atacora, "Task_EscalateLateReview").getId(), Map.of("lateReviewDecision", "CLOSE_NOT_HELD",
                "escalationAction", "Aucune date possible avant la revue nationale"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(atacora.getId()).count()).isZero();
        assertThat(reviewRepository.findByBusinessKey("ATACORA_2098-S2").orElseThrow().getStatus())
                .isEqualTo(DepartmentalReview.Status.NOT_HELD);

        // Alibori escalates too, but holds its review: the open escalation becomes moot and ends with the review
        managementService.executeJob(managementService.createJobQuery().processInstanceId(alibori.getId()).timers()
                .activityId("BoundaryEvent_ReviewNotHeldInTime").singleResult().getId());
        assertThat(task(alibori, "Task_EscalateLateReview")).isNotNull();
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(atacora.getId())
                .activityId("EndEvent_DepartmentalReviewNotHeld").count()).isEqualTo(1);
        setClock(2099, 1, 12, 10);
        // the CPS clerk works the tasks under its own name (candidate group rights), recorded as the actor
        processEngine.getIdentityService().setAuthentication("cps.alibori", List.of("cps-alibori"));
        prepare(alibori, "2099-01-10");
        hold(alibori, "2099-01-10", null);
        processEngine.getIdentityService().clearAuthentication();
        assertThat(reviewRepository.findByBusinessKey("ALIBORI_2098-S2").orElseThrow().getUpdatedBy()).isEqualTo("cps.alibori");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(alibori.getId()).count()).isZero();
        assertThat(reviewRepository.findByBusinessKey("ALIBORI_2098-S2").orElseThrow().getStatus())
                .isEqualTo(DepartmentalReview.Status.HELD);
    }

    @Test
    void shouldRefuseIncompleteOrInvalidPreparationAndMeetingData() {
        HalfYear halfYear = new HalfYear(2088, 1);
        setClock(2088, 6, 1, 8);
        openHalfYear(halfYear);
        ProcessInstance zou = reviewInstance("ZOU", halfYear);
        Task prepare = task(zou, "Task_PrepareDepartmentalReview");

        assertThatThrownBy(() -> taskService.complete(prepare.getId(), Map.of("venue", "Abomey")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Date prévue");
        assertThatThrownBy(() -> taskService.complete(prepare.getId(), Map.of("plannedOn", "2088-06-20", "venue", " ")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Lieu");
        assertThatThrownBy(() -> taskService.complete(prepare.getId(), Map.of("plannedOn", "2087-12-20", "venue", "Abomey")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("doit tomber entre");
        assertThatThrownBy(() -> taskService.complete(prepare.getId(), Map.of("plannedOn", "2088-06-20", "venue", "Abomey",
                "invitedPartners", SpinValues.jsonValue("[\"999999999\"]").create())))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Partenaire invité inconnu");
        assertThat(task(zou, "Task_PrepareDepartmentalReview")).as("the task stays open").isNotNull();
        assertThat(reviewRepository.findByBusinessKey("ZOU_2088-S1").orElseThrow().getStatus())
                .isEqualTo(DepartmentalReview.Status.OPEN);

        taskService.complete(prepare.getId(), Map.of("plannedOn", "2088-06-20", "venue", "Abomey",
                "invitedPartners", SpinValues.jsonValue("[]").create()));
        DepartmentalReview prepared = reviewRepository.findByBusinessKey("ZOU_2088-S1").orElseThrow();
        assertThat(prepared.getStatus()).isEqualTo(DepartmentalReview.Status.PREPARED);
        assertThat(prepared.getVenue()).isEqualTo("Abomey");

        Task meeting = task(zou, "Task_HoldDepartmentalReview");
        setClock(2088, 6, 22, 10);
        assertThatThrownBy(() -> taskService.complete(meeting.getId(), meetingData("2088-06-21", " ", 12, null)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Compte rendu");
        assertThatThrownBy(() -> taskService.complete(meeting.getId(), meetingData("2088-06-21", "CR", null, null)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Nombre de participants");
        assertThatThrownBy(() -> taskService.complete(meeting.getId(), meetingData("2088-06-21", "CR", 0, null)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Nombre de participants");
        assertThatThrownBy(() -> taskService.complete(meeting.getId(), meetingData("2088-06-30", "CR", 12, null)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("futur");
        assertThatThrownBy(() -> taskService.complete(meeting.getId(), meetingData("2088-06-21", "CR", 12,
                json("[{\"text\":\"Former les agents\",\"dueDate\":\"2088-09-30\"}]"))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Recommandation n° 1 : le responsable");
        assertThatThrownBy(() -> taskService.complete(meeting.getId(), meetingData("2088-06-21", "CR", 12,
                json("[{\"text\":\"Former les agents\",\"owner\":\"cps-zou\",\"dueDate\":\"2088-09-30\"},"
                        + "{\"text\":\"Publier\",\"owner\":\"inconnu\",\"dueDate\":\"2088-09-30\"}]"))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Recommandation n° 2 : responsable inconnu");
        assertThatThrownBy(() -> taskService.complete(meeting.getId(), meetingData("2088-06-21", "CR", 12,
                json("[{\"text\":\"Former les agents\",\"owner\":\"cps-zou\",\"dueDate\":\"2088-06-01\"}]"))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("postérieure");
        assertThat(recommendationRepository.findBySourceTypeAndSourceKeyOrderById(RecommendationSource.DEPARTMENTAL_REVIEW,
                "ZOU_2088-S1")).as("nothing half-written").isEmpty();
        assertThat(task(zou, "Task_HoldDepartmentalReview")).isNotNull();

        taskService.complete(meeting.getId(), meetingData("2088-06-21", "Compte rendu complet", 31.0,
                json("[{\"text\":\"Former les agents\",\"owner\":\"cps-zou\",\"dueDate\":\"2088-09-30\"},"
                        + "{\"text\":\"\",\"owner\":null,\"dueDate\":null}]")));
        DepartmentalReview held = reviewRepository.findByBusinessKey("ZOU_2088-S1").orElseThrow();
        assertThat(held.getStatus()).isEqualTo(DepartmentalReview.Status.HELD);
        assertThat(held.getParticipantsCount()).isEqualTo(31);
        assertThat(held.getDpafCopyAt()).isNotNull();
        List<Recommendation> recommendations = recommendationRepository.findBySourceTypeAndSourceKeyOrderById(
                RecommendationSource.DEPARTMENTAL_REVIEW, "ZOU_2088-S1");
        assertThat(recommendations).singleElement().satisfies(r -> {
            assertThat(r.getOwnerGroup()).isEqualTo("cps-zou");
            assertThat(r.getDepartment()).isEqualTo("ZOU");
            assertThat(r.getStatus()).isEqualTo(RecommendationStatus.OPEN);
        });
    }

    @Test
    void shouldAcceptTheFormsAsTasklistSubmitsThemOverEngineRest() throws Exception {
        HalfYear halfYear = new HalfYear(2087, 2);
        setClock(2087, 12, 1, 8);
        openHalfYear(halfYear);
        ProcessInstance couffo = reviewInstance("COUFFO", halfYear);
        Task prepare = task(couffo, "Task_PrepareDepartmentalReview");
        // Tasklist sends checklists and dynamic lists as Json variables, dates as strings, numbers as Long
        var prepared = post("/engine-rest/task/" + prepare.getId() + "/submit-form", "cps.couffo", """
                {"variables": {"plannedOn": {"value": "2087-12-15", "type": "String"},
                  "venue": {"value": "Aplahoué", "type": "String"},
                  "invitedPartners": {"value": "[]", "type": "Json"}}}""");
        assertThat(prepared.statusCode()).as(prepared.body()).isEqualTo(204);
        Task meeting = task(couffo, "Task_HoldDepartmentalReview");
        setClock(2087, 12, 16, 10);
        var refused = post("/engine-rest/task/" + meeting.getId() + "/submit-form", "cps.couffo", """
                {"variables": {"heldOn": {"value": "2087-12-15", "type": "String"},
                  "minutes": {"value": "CR", "type": "String"},
                  "participantsCount": {"value": 18, "type": "Long"},
                  "reviewRecommendations": {"value": "[{\\"text\\":\\"Suivre les OSC\\",\\"dueDate\\":\\"2088-03-31\\"}]", "type": "Json"}}}""");
        assertThat(refused.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(refused.body()).contains("Recommandation n° 1 : le responsable");
        var held = post("/engine-rest/task/" + meeting.getId() + "/submit-form", "cps.couffo", """
                {"variables": {"heldOn": {"value": "2087-12-15", "type": "String"},
                  "minutes": {"value": "Compte rendu de la revue du Couffo", "type": "String"},
                  "participantsCount": {"value": 18, "type": "Long"},
                  "reviewRecommendations": {"value": "[{\\"text\\":\\"Suivre les OSC\\",\\"owner\\":\\"cps-couffo\\",\\"dueDate\\":\\"2088-03-31\\"}]", "type": "Json"}}}""");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        DepartmentalReview review = reviewRepository.findByBusinessKey("COUFFO_2087-S2").orElseThrow();
        assertThat(review.getStatus()).isEqualTo(DepartmentalReview.Status.HELD);
        assertThat(review.getParticipantsCount()).isEqualTo(18);
        assertThat(review.getUpdatedBy()).isEqualTo("cps.couffo");
        assertThat(recommendationRepository.findBySourceTypeAndSourceKeyOrderById(RecommendationSource.DEPARTMENTAL_REVIEW,
                "COUFFO_2087-S2")).singleElement().satisfies(r -> {
                    assertThat(r.getText()).isEqualTo("Suivre les OSC");
                    assertThat(r.getCreatedBy()).isEqualTo("cps.couffo");
                });
    }

    static Object json(String text) {
        return SpinValues.jsonValue(text).create();
    }

    static Map<String, Object> meetingData(String heldOn, String minutes, Object participants, Object recommendations) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("heldOn", heldOn);
        variables.put("minutes", minutes);
        variables.put("participantsCount", participants);
        variables.put("reviewRecommendations", recommendations);
        return variables;
    }
}
