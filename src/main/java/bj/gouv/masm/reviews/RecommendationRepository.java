package bj.gouv.masm.reviews;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecommendationRepository extends JpaRepository<Recommendation, Long>,
        JpaSpecificationExecutor<Recommendation> {

    List<Recommendation> findBySourceTypeAndSourceKeyOrderById(RecommendationSource sourceType, String sourceKey);

    List<Recommendation> findBySourceTypeAndSourceKeyAndStatusInOrderById(RecommendationSource sourceType,
            String sourceKey, Collection<RecommendationStatus> statuses);

    @Query("select r.id from Recommendation r where r.status in :statuses and r.dueDate < :today "
            + "and r.followUpOpen = false order by r.id")
    List<Long> findOverdueWithoutFollowUp(@Param("statuses") Collection<RecommendationStatus> statuses,
                                          @Param("today") LocalDate today);

    /** Claims the follow-up of a recommendation; 0 when one is already open (never two at once). */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Recommendation r set r.followUpOpen = true, r.followUps = r.followUps + 1 "
            + "where r.id = :id and r.followUpOpen = false")
    int claimFollowUp(@Param("id") Long id);
}
