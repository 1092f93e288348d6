package bj.gouv.masm.reviews.process;

import bj.gouv.masm.reviews.RecommendationService;
import java.util.Arrays;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Expressions of RecommendationFollowUp: the multi-instance collection and each task's candidate group. */
@Component("recommendationFollowUps")
@RequiredArgsConstructor
public class RecommendationFollowUps {

    private final RecommendationService recommendations;

    public List<Long> ids(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).map(Long::valueOf).toList();
    }

    public String owner(Object recommendationId) {
        return recommendations.ownerGroup(recommendationId);
    }
}
