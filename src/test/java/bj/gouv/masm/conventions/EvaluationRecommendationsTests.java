package bj.gouv.masm.conventions;

import static bj.gouv.masm.conventions.LifecycleVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.reviews.Recommendation;
import bj.gouv.masm.reviews.RecommendationRepository;
import bj.gouv.masm.reviews.RecommendationSource;
import bj.gouv.masm.reviews.RecommendationStatus;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, item 8: mid-term and final evaluation recommendations go into the recommendations register
 * (sources MID_TERM_EVALUATION / FINAL_EVALUATION, key = the convention number) and, once overdue, are followed
 * up by RecommendationFollowUp like the reviews' recommendations.
 */
class EvaluationRecommendationsTests extends LifecycleTestSupport {

    @Autowired
    RecommendationRepository recommendations;

    @Test
    void shouldRegisterEvaluationRecommendationsAndFollowThemUpWhenOverdue() {
        today(LocalDate.of(2026, 1, 12));
        ProcessInstance instance = signed(osc("PLATEAU"), LocalDate.of(2026, 1, 12), 12);
        String number = conventionNumber(instance);
        fire(instance, "TimerEvent_MidTermDue");

        complete(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "AT_RISK", MID_TERM_RECOMMENDATIONS,
                "- Recruter un comptable\n\n• Tenir les registres des bénéficiaires à jour"));

        List<Recommendation> midTerm = recommendations.findBySourceTypeAndSourceKeyOrderById(
                RecommendationSource.MID_TERM_EVALUATION, number);
        assertThat(midTerm).extracting(Recommendation::getText)
                .containsExactly("Recruter un comptable", "Tenir les registres des bénéficiaires à jour");
        assertThat(midTerm).allSatisfy(r -> {
            assertThat(r.getOwnerGroup()).isEqualTo("cps-plateau");
            assertThat(r.getDepartment()).isEqualTo("PLATEAU");
            assertThat(r.getDueDate()).isEqualTo(LocalDate.of(2026, 10, 12));
            assertThat(r.getStatus()).isEqualTo(RecommendationStatus.OPEN);
        });

        fire(instance, "TimerEvent_FinalEvaluationDue");
        complete(instance, TASK_EVALUATE_FINAL, vars(FINAL_RATING, "PARTIALLY_ACHIEVED", RENEWAL_REQUESTED, false,
                FINAL_RECOMMENDATIONS, "Capitaliser les acquis dans un guide"));
        assertThat(recommendations.findBySourceTypeAndSourceKeyOrderById(RecommendationSource.FINAL_EVALUATION, number))
                .singleElement().satisfies(r -> {
                    assertThat(r.getText()).isEqualTo("Capitaliser les acquis dans un guide");
                    assertThat(r.getDueDate()).isAfter(LocalDate.of(2026, 10, 12));
                });

        // overdue → the daily follow-up gives the owner's group a follow-up task, as for a review's
        today(LocalDate.of(2026, 10, 20));
        Job followUpTimer = managementService.createJobQuery().processDefinitionKey("RecommendationFollowUp").timers()
                .list().stream().filter(j -> j.getProcessInstanceId() == null).findFirst().orElseThrow();
        managementService.executeJob(followUpTimer.getId());
        Recommendation first = midTerm.get(0);
        List<Task> followUps = taskService.createTaskQuery().taskDefinitionKey("Task_FollowUpRecommendation")
                .taskCandidateGroup("cps-plateau").list().stream()
                .filter(t -> first.getId().equals(taskService.getVariable(t.getId(), "recommendationId"))).toList();
        assertThat(followUps).hasSize(1);
    }

    @Test
    void shouldGiveAPtfsRecommendationsToTheDpaf() {
        today(LocalDate.of(2026, 1, 12));
        ProcessInstance instance = signed(ptf(), LocalDate.of(2026, 1, 12), 12);
        fire(instance, "TimerEvent_MidTermDue");

        complete(instance, TASK_EVALUATE_MID_TERM, vars(MID_TERM_RATING, "OFF_TRACK",
                MID_TERM_RECOMMENDATIONS, "Revoir le plan de travail"));

        assertThat(recommendations.findBySourceTypeAndSourceKeyOrderById(RecommendationSource.MID_TERM_EVALUATION,
                conventionNumber(instance))).singleElement()
                .satisfies(r -> assertThat(r.getOwnerGroup()).isEqualTo("dpaf"));
    }
}
