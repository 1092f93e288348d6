package bj.gouv.masm.reviews;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NationalReviewRepository extends JpaRepository<NationalReview, Long> {

    Optional<NationalReview> findByReviewYear(int reviewYear);

    Optional<NationalReview> findByBusinessKey(String businessKey);
}
