package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The annual national review (March, covering the previous year) and the Joint Commission. */
@Service
@RequiredArgsConstructor
public class NationalReviewService {

    private final NationalReviewRepository repository;
    private final NationalReportService nationalReports;
    private final DepartmentalReviewService departmentalReviews;
    private final RecommendationService recommendations;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** The year a run of the March timer covers: the previous year. */
    public int yearToReview() {
        return LocalDate.now(clock).getYear() - 1;
    }

    /** Registers the national review of the year; empty when it already exists (nothing opened twice). */
    @Transactional
    public Optional<NationalReview> open(int year, String processInstanceId) {
        if (year < 2000 || year > 2999) {
            throw new ReviewFormException("Année de revue invalide : " + year);
        }
        if (repository.findByReviewYear(year).isPresent()) {
            return Optional.empty();
        }
        NationalReview review = new NationalReview(year);
        review.setProcessInstanceId(processInstanceId);
        review.touch(currentActor.userId(), OffsetDateTime.now(clock));
        repository.saveAndFlush(review);
        auditTrail.record("NationalReview", review.getBusinessKey(), "OPENED", "Revue nationale " + year + " ouverte");
        return Optional.of(review);
    }

    @Transactional(readOnly = true)
    public NationalReview get(Long id) {
        return repository.findById(id).orElseThrow(() -> new ReviewFormException("Revue nationale introuvable : " + id));
    }

    /** What the national review looks at: the two national half-year reports and the open recommendations. */
    @Transactional(readOnly = true)
    public String context(Long id) {
        NationalReview review = get(id);
        StringBuilder text = new StringBuilder("Revue nationale de l'année " + review.getReviewYear() + "\n\n");
        for (int semester = 1; semester <= 2; semester++) {
            HalfYear halfYear = new HalfYear(review.getReviewYear(), semester);
            Optional<ReviewReport> report = nationalReports.find(halfYear);
            if (report.isPresent()) {
                text.append(departmentalReviews.describe(report.get())).append("\n");
                if (report.get().summary() != null) {
                    text.append("Synthèse DPAF : ").append(report.get().summary()).append("\n");
                }
            } else {
                text.append("Rapport national ").append(halfYear).append(" : non compilé.\n");
            }
            text.append("\n");
        }
        long open = recommendations.search(RecommendationStatus.OPEN, null, null, null, 0, 1).getTotalElements()
                + recommendations.search(RecommendationStatus.IN_PROGRESS, null, null, null, 0, 1).getTotalElements();
        text.append("Recommandations non closes au registre : ").append(open);
        return text.toString();
    }

    @Transactional
    public List<Recommendation> holdReview(Long id, HoldMeetingCommand command) {
        NationalReview review = get(id);
        LocalDate heldOn = past(command.heldOn(), "Date de tenue");
        String minutes = command.minutes();
        int participants = command.participants();
        List<RecommendationInput> inputs = recommendations.validateFormItems(command.recommendations(), heldOn);
        review.hold(heldOn, minutes, participants);
        review.touch(currentActor.userId(), OffsetDateTime.now(clock));
        repository.saveAndFlush(review);
        List<Recommendation> created = recommendations.createAll(RecommendationSource.NATIONAL_REVIEW,
                review.getBusinessKey(), null, inputs);
        auditTrail.record("NationalReview", review.getBusinessKey(), "HELD",
                "Tenue le " + heldOn + ", " + created.size() + " recommandation(s)");
        return created;
    }

    @Transactional
    public List<Recommendation> holdCommission(Long id, LocalDate commissionHeldOn, String decisions,
                                               List<Map<String, Object>> recommendationRows) {
        NationalReview review = get(id);
        LocalDate heldOn = past(commissionHeldOn, "Date de la Commission mixte");
        List<RecommendationInput> inputs = recommendations.validateFormItems(recommendationRows, heldOn);
        review.holdCommission(heldOn, decisions);
        review.touch(currentActor.userId(), OffsetDateTime.now(clock));
        repository.saveAndFlush(review);
        List<Recommendation> created = recommendations.createAll(RecommendationSource.JOINT_COMMISSION,
                "COMMISSION_" + review.getReviewYear(), null, inputs);
        auditTrail.record("NationalReview", review.getBusinessKey(), "COMMISSION_HELD",
                "Commission mixte tenue le " + heldOn + ", " + created.size() + " recommandation(s)");
        return created;
    }

    private LocalDate past(LocalDate date, String label) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new ReviewFormException("« " + label + " » (" + date + ") ne peut pas être dans le futur.");
        }
        return date;
    }
}
