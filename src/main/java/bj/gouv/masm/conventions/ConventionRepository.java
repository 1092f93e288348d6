package bj.gouv.masm.conventions;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ConventionRepository extends JpaRepository<Convention, Long>, JpaSpecificationExecutor<Convention> {

    Optional<Convention> findByNumber(String number);

    List<Convention> findByPartnerIdOrderBySignedOnDesc(Long partnerId);

    List<Convention> findByStatusIn(Collection<ConventionStatus> statuses);
}
