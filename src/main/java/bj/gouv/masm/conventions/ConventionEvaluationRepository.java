package bj.gouv.masm.conventions;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConventionEvaluationRepository extends JpaRepository<ConventionEvaluation, Long> {

    List<ConventionEvaluation> findByConventionIdOrderByIdAsc(Long conventionId);
}
