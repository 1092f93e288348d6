package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Recommendations: made in a review, shown in the department's next preparation, overdue → a
 * follow-up task for the owner's group (never two), closed; dropped without reason refused.
 */
class RecommendationRegisterTests extends ReviewsTestSupport {

    @Test
    void shouldCarryRecommendationsFromOneReviewToTheNextAndFollowUpOverdueOnes() throws Exception {
        HalfYear first = new HalfYear(2099, 1);
        setClock(2099, 6, 1, 8);
        openHalfYear(first);
        ProcessInstance borgou = reviewInstance("BORGOU", first);
        Task firstPreparation = task(borgou, "Task_PrepareDepartmentalReview");
        assertThat((String) taskService.getVariableLocal(firstPreparation.getId(), "previousRecommendations"))
                .startsWith("Aucune recommandation");
        prepare(borgou, "2099-06-18");
        setClock(2099, 6, 20, 9);
        hold(borgou, "2099-06-18", DepartmentalReviewTests.json("["
                + "{\"text\":\"Organiser une mission conjointe à Parakou\",\"owner\":\"cps-borgou\",\"dueDate\":\"2099-09-30\"},"
                + "{\"text\":\"Publier la cartographie des partenaires\",\"owner\":\"dpaf\",\"dueDate\":\"2099-08-31\"},"
                + "{\"text\":\"Former les OSC au rapportage\",\"owner\":\"cps-borgou\",\"dueDate\":\"2099-12-15\"}]"));
        List<Recommendation> made = recommendationRepository.findBySourceTypeAndSourceKeyOrderById(
                RecommendationSource.DEPARTMENTAL_REVIEW, "BORGOU_2099-S1");
        assertThat(made).hasSize(3);
        Recommendation mission = made.get(0);
        Recommendation mapping = made.get(1);
        Recommendation training = made.get(2);

        // October: two are overdue → one follow-up task each, for the owner's group
        setClock(2099, 10, 5, 7);
        fireTimerStart(ReviewVariables.FOLLOW_UP_PROCESS);
        Task missionFollowUp = followUpOf(mission);
        Task mappingFollowUp = followUpOf(mapping);
        assertThat(followUps(training)).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(missionFollowUp.getId()).taskCandidateGroup("cps-borgou").count()).isEqualTo(1);
        assertThat(taskService.createTaskQuery().taskId(mappingFollowUp.getId()).taskCandidateGroup("dpaf").count()).isEqualTo(1);
        assertThat((String) taskService.getVariableLocal(missionFollowUp.getId(), "recommendationText"))
                .contains("Organiser une mission conjointe");
        // the next day: still overdue, but a follow-up is already open → no second one
        setClock(2099, 10, 6, 7);
        fireTimerStart(ReviewVariables.FOLLOW_UP_PROCESS);
        assertThat(followUps(mission)).hasSize(1);
        assertThat(followUps(mapping)).hasSize(1);

        // dropping without a reason is refused; the task stays
        assertThatThrownBy(() -> taskService.complete(missionFollowUp.getId(), Map.of("followUpStatus", "DROPPED")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("motif est obligatoire");
        assertThat(followUps(mission)).hasSize(1);
        taskService.complete(missionFollowUp.getId(), Map.of("followUpStatus", "DONE", "followUpComment", "Mission faite"));
        Recommendation done = recommendationRepository.findById(mission.getId()).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(RecommendationStatus.DONE);
        assertThat(done.getClosedAt()).isNotNull();
        assertThat(done.isFollowUpOpen()).isFalse();
        // the other follow-up is answered separately: in progress, new due date
        taskService.complete(mappingFollowUp.getId(), Map.of("followUpStatus", "IN_PROGRESS", "newDueDate", "2099-12-31"));
        Recommendation postponed = recommendationRepository.findById(mapping.getId()).orElseThrow();
        assertThat(postponed.getStatus()).isEqualTo(RecommendationStatus.IN_PROGRESS);
        assertThat(postponed.getDueDate()).isEqualTo(LocalDate.of(2099, 12, 31));
        setClock(2099, 10, 7, 7);
        fireTimerStart(ReviewVariables.FOLLOW_UP_PROCESS);
        assertThat(followUps(mission)).isEmpty();
        assertThat(followUps(mapping)).isEmpty();

        // December: the next review of Borgou shows what is still open from the previous one
        HalfYear second = new HalfYear(2099, 2);
        setClock(2099, 12, 1, 8);
        openHalfYear(second);
        Task nextPreparation = task(reviewInstance("BORGOU", second), "Task_PrepareDepartmentalReview");
        String previous = (String) taskService.getVariableLocal(nextPreparation.getId(), "previousRecommendations");
        assertThat(previous).contains("Publier la cartographie des partenaires").contains("[En cours]")
                .contains("Former les OSC au rapportage").doesNotContain("mission conjointe");
        Task otherDepartment = task(reviewInstance("ALIBORI", second), "Task_PrepareDepartmentalReview");
        assertThat((String) taskService.getVariableLocal(otherDepartment.getId(), "previousRecommendations"))
                .doesNotContain("cartographie");

        // the register over REST
        String path = "/api/recommendations/" + training.getId();
        HttpResponse<String> noReason = patch(path, "cps.borgou", "{\"status\":\"DROPPED\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("motif est obligatoire");
        assertThat(patch(path, "cps.alibori", "{\"status\":\"DONE\"}").statusCode()).as("other department").isEqualTo(404);
        assertThat(patch("/api/recommendations/" + mapping.getId(), "cps.borgou", "{\"status\":\"DONE\"}").statusCode())
                .as("owned by DPAF").isEqualTo(403);
        assertThat(patch(path, "manager", "{\"status\":\"DONE\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> dropped = patch(path, "cps.borgou",
                "{\"status\":\"DROPPED\",\"reason\":\"Formation reprise par le programme national\"}");
        assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);
        assertThat(dropped.body()).contains("\"status\":\"DROPPED\"").contains("\"updatedBy\":\"cps.borgou\"");
        assertThat(patch(path, "dpaf.agent", "{\"status\":\"OPEN\"}").statusCode()).as("closed").isEqualTo(400);
        assertThat(post("/api/recommendations/" + mapping.getId() + "/status", "dpaf.agent", "{\"status\":\"DONE\"}")
                .statusCode()).isEqualTo(200);
        assertThat(patch(path, "dpaf.agent", "{\"status\":\"WHATEVER\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> list = get("/api/recommendations?status=DROPPED&owner=cps-borgou&size=200", "dpaf.agent");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Former les OSC au rapportage").doesNotContain("cartographie")
                .contains("\"totalElements\"");
        assertThat(get("/api/recommendations?owner=cps-borgou&size=200", "cps.alibori").body())
                .doesNotContain("Former les OSC");
        assertThat(get("/api/recommendations?status=NOPE", "dpaf.agent").statusCode()).isEqualTo(400);
        assertThat(get("/api/recommendations/" + mission.getId(), "cps.borgou").body()).contains("\"status\":\"DONE\"");
    }

    private List<Task> followUps(Recommendation recommendation) {
        return taskService.createTaskQuery().taskDefinitionKey("Task_FollowUpRecommendation").list().stream()
                .filter(t -> recommendation.getId().equals(taskService.getVariable(t.getId(), "recommendationId")))
                .toList();
    }

    private Task followUpOf(Recommendation recommendation) {
        List<Task> tasks = followUps(recommendation);
        assertThat(tasks).as("follow-ups of recommendation " + recommendation.getId()).hasSize(1);
        return tasks.get(0);
    }
}
