package bj.gouv.masm.conventions;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConventionSynthesisReportRepository extends JpaRepository<ConventionSynthesisReport, Long> {

    Optional<ConventionSynthesisReport> findByConventionId(Long conventionId);
}
