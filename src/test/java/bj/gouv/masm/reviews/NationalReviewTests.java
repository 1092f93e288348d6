package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** NationalReview: the March timer opens the review of the previous year, then the Joint Commission. */
class NationalReviewTests extends ReviewsTestSupport {

    @Autowired
    NationalReviewRepository nationalReviews;

    @Test
    void shouldHoldTheNationalReviewThenTheJointCommissionWithTheirRecommendations() {
        setClock(2090, 3, 1, 8);
        fireTimerStart(ReviewVariables.NATIONAL_PROCESS);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ReviewVariables.NATIONAL_PROCESS).processInstanceBusinessKey("NATIONAL_2089").singleResult();
        assertThat(instance).as("the March 2090 run reviews 2089").isNotNull();
        // the timer firing again (or a restart) opens nothing twice
        fireTimerStart(ReviewVariables.NATIONAL_PROCESS);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.NATIONAL_PROCESS)
                .processInstanceBusinessKey("NATIONAL_2089").count()).isEqualTo(1);
        assertThat(nationalReviews.findByReviewYear(2089)).isPresent();

        Task review = task(instance, "Task_HoldNationalReview");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).taskCandidateGroup("dpaf").count()).isEqualTo(1);
        assertThat((String) taskService.getVariableLocal(review.getId(), "nationalReviewContext"))
                .contains("Revue nationale de l'année 2089").contains("Rapport national 2089-S1 : non compilé");

        setClock(2090, 3, 20, 10);
        Map<String, Object> incomplete = new HashMap<>(Map.of("heldOn", "2090-03-18", "participantsCount", 40));
        assertThatThrownBy(() -> taskService.complete(review.getId(), incomplete))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Compte rendu");
        taskService.complete(review.getId(), Map.of("heldOn", "2090-03-18", "minutes", "Revue nationale tenue à Cotonou",
                "participantsCount", 40, "nationalRecommendations", DepartmentalReviewTests.json(
                        "[{\"text\":\"Actualiser la liste des indicateurs SIDoFFE\",\"owner\":\"offe\",\"dueDate\":\"2090-09-30\"}]")));
        NationalReview held = nationalReviews.findByReviewYear(2089).orElseThrow();
        assertThat(held.getStatus()).isEqualTo(NationalReview.Status.REVIEW_HELD);
        assertThat(held.getParticipantsCount()).isEqualTo(40);

        Task commission = task(instance, "Task_HoldJointCommission");
        assertThat(taskService.createTaskQuery().taskId(commission.getId()).taskCandidateGroup("cabinet").count()).isEqualTo(1);
        assertThatThrownBy(() -> taskService.complete(commission.getId(), Map.of("commissionHeldOn", "2090-03-19")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Décisions");
        taskService.complete(commission.getId(), Map.of("commissionHeldOn", "2090-03-19",
                "commissionDecisions", "Adoption du plan de travail conjoint 2090",
                "commissionRecommendations", DepartmentalReviewTests.json(
                        "[{\"text\":\"Signer les conventions en attente\",\"owner\":\"sgm\",\"dueDate\":\"2090-06-30\"}]")));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        NationalReview done = nationalReviews.findByReviewYear(2089).orElseThrow();
        assertThat(done.getStatus()).isEqualTo(NationalReview.Status.COMMISSION_HELD);
        assertThat(done.getCommissionDecisions()).contains("plan de travail");

        List<Recommendation> fromReview = recommendationRepository.findBySourceTypeAndSourceKeyOrderById(
                RecommendationSource.NATIONAL_REVIEW, "NATIONAL_2089");
        assertThat(fromReview).singleElement().satisfies(r -> assertThat(r.getOwnerGroup()).isEqualTo("offe"));
        List<Recommendation> fromCommission = recommendationRepository.findBySourceTypeAndSourceKeyOrderById(
                RecommendationSource.JOINT_COMMISSION, "COMMISSION_2089");
        assertThat(fromCommission).singleElement().satisfies(r -> {
            assertThat(r.getOwnerGroup()).isEqualTo("sgm");
            assertThat(r.getDepartment()).isNull();
        });
    }
}
