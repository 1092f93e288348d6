package bj.gouv.masm.conventions;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConventionStatusChangeRepository extends JpaRepository<ConventionStatusChange, Long> {

    List<ConventionStatusChange> findByConventionIdOrderByIdAsc(Long conventionId);
}
