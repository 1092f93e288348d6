package bj.gouv.masm.reviews;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DepartmentalReviewRepository extends JpaRepository<DepartmentalReview, Long> {

    Optional<DepartmentalReview> findByBusinessKey(String businessKey);

    boolean existsByBusinessKey(String businessKey);

    List<DepartmentalReview> findByHalfYearKeyOrderByDepartment(String halfYearKey);
}
