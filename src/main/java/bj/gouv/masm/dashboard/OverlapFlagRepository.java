package bj.gouv.masm.dashboard;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OverlapFlagRepository extends JpaRepository<OverlapFlag, Long> {

    /** Null status / departments mean "any". */
    @Query("select f from OverlapFlag f where (:status is null or f.status = :status) "
            + "and (:allDepartments = true or f.department in :departments)")
    Page<OverlapFlag> search(@Param("status") OverlapStatus status, @Param("allDepartments") boolean allDepartments,
                             @Param("departments") Collection<String> departments, Pageable pageable);

    Optional<OverlapFlag> findByActivityAIdAndActivityBId(Long activityAId, Long activityBId);

    Optional<OverlapFlag> findByFundedAIdAndActivityBId(Long fundedAId, Long activityBId);

    Optional<OverlapFlag> findByFundedAIdAndFundedBId(Long fundedAId, Long fundedBId);
}
