package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.OVERDUE_RECOMMENDATION_IDS;

import bj.gouv.masm.reviews.RecommendationService;
import java.util.List;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * RecommendationFollowUp: claims every overdue recommendation that has no open follow-up (so there
 * are never two at once) and hands their ids (comma-separated) to the multi-instance follow-up task.
 */
@Component("selectOverdueRecommendationsDelegate")
@RequiredArgsConstructor
public class SelectOverdueRecommendationsDelegate implements JavaDelegate {

    private final RecommendationService recommendations;

    @Override
    public void execute(DelegateExecution execution) {
        List<Long> ids = recommendations.claimOverdueFollowUps();
        execution.setVariable(OVERDUE_RECOMMENDATION_IDS,
                ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
