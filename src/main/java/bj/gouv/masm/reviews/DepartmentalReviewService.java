package bj.gouv.masm.reviews;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The departmental review of a half-year: consolidation, preparation, meeting, copy to DPAF, escalation. */
@Service
@RequiredArgsConstructor
public class DepartmentalReviewService {

    private final DepartmentalReviewRepository reviews;
    private final DepartmentalConsolidation consolidation;
    private final ReviewReportStore reports;
    private final RecommendationService recommendations;
    private final PartnerReadQueries partners;
    private final ReferenceDataService referenceData;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /**
     * Registers the review (unique business key: a second opening fails) and stores the consolidated
     * departmental analytical report. The deadline is the end of the review month plus the grace period.
     */
    @Transactional
    public DepartmentalReview open(String department, HalfYear halfYear, String processInstanceId, Period gracePeriod) {
        if (!referenceData.isValid(bj.gouv.masm.reference.ReferenceCategory.DEPARTMENT, department)) {
            throw new ReviewFormException("Département inconnu : " + department);
        }
        String key = DepartmentalReview.businessKey(department, halfYear);
        if (reviews.existsByBusinessKey(key)) {
            throw new ReviewFormException("La revue " + key + " est déjà ouverte.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime deadline = halfYear.reviewMonthClosesAt(clock.getZone()).plus(gracePeriod).toOffsetDateTime();
        DepartmentalReview review = new DepartmentalReview(department, halfYear, deadline);
        review.setProcessInstanceId(processInstanceId);
        review.touch(currentActor.userId(), now);
        reviews.saveAndFlush(review);
        ReviewFigures figures = consolidation.consolidate(department, halfYear);
        reports.insert(ReviewReport.SCOPE_DEPARTMENT, key, department, halfYear, figures,
                consolidation.quarters(department, halfYear), null, now, currentActor.userId());
        auditTrail.record("DepartmentalReview", key, "OPENED", "Revue ouverte, rapport analytique consolidé ("
                + figures.activeConventions() + " convention(s), " + figures.reportsExpected() + " rapport(s) attendu(s))");
        return review;
    }

    @Transactional(readOnly = true)
    public DepartmentalReview get(Long id) {
        return reviews.findById(id).orElseThrow(() -> new ReviewFormException("Revue introuvable : " + id));
    }

    /** For the API: 404 when unknown or outside the caller's departments. */
    @Transactional(readOnly = true)
    public DepartmentalReview getVisible(String businessKey) {
        DepartmentalReview review = reviews.findByBusinessKey(businessKey)
                .orElseThrow(() -> ApiException.notFound("Revue introuvable : " + businessKey));
        if (!accessScope.canSeeDepartment(review.getDepartment())) {
            throw ApiException.notFound("Revue introuvable : " + businessKey);
        }
        return review;
    }

    @Transactional(readOnly = true)
    public List<DepartmentalReview> visibleReviewsOf(HalfYear halfYear) {
        return reviews.findByHalfYearKeyOrderByDepartment(halfYear.toString()).stream()
                .filter(r -> accessScope.canSeeDepartment(r.getDepartment())).toList();
    }

    /**
     * The departmental report as it stands: until the review is held (or closed), its figures are
     * brought up to date with every quarterly report recorded so far; once held they stay as discussed.
     */
    @Transactional
    public ReviewReport reportOf(DepartmentalReview review) {
        ReviewReport report = storedReportOf(review);
        if (!report.isFrozen() && (review.getStatus() == DepartmentalReview.Status.OPEN
                || review.getStatus() == DepartmentalReview.Status.PREPARED)) {
            refresh(review, report);
            report = storedReportOf(review);
        }
        return report;
    }

    private ReviewReport storedReportOf(DepartmentalReview review) {
        return reports.find(ReviewReport.SCOPE_DEPARTMENT, review.getBusinessKey())
                .orElseThrow(() -> ApiException.notFound("Rapport introuvable : " + review.getBusinessKey()));
    }

    private void refresh(DepartmentalReview review, ReviewReport report) {
        reports.refresh(report.id(), consolidation.consolidate(review.getDepartment(), review.halfYear()),
                consolidation.quarters(review.getDepartment(), review.halfYear()), OffsetDateTime.now(clock));
    }

    /** The figures discussed at the meeting: refreshed one last time, then frozen. */
    private void freezeReport(DepartmentalReview review) {
        ReviewReport report = storedReportOf(review);
        if (!report.isFrozen()) {
            refresh(review, report);
            reports.freeze(report.id(), OffsetDateTime.now(clock));
        }
    }

    /** Partners invited by default: every partner with an active convention in the department. */
    @Transactional(readOnly = true)
    public List<Long> defaultInvitees(DepartmentalReview review) {
        return consolidation.partnersWithActiveConvention(review.getDepartment(), review.halfYear());
    }

    /** Options of the invitation checklist: every partner with an active convention plus those already invited. */
    @Transactional(readOnly = true)
    public List<Map<String, String>> partnerOptions(DepartmentalReview review) {
        Set<Long> ids = new LinkedHashSet<>(defaultInvitees(review));
        ids.addAll(invitees(review.getId()));
        List<Map<String, String>> options = new ArrayList<>();
        for (Partner partner : partners.findAllById(ids)) {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", partner.getName() + (partner.getAcronym() == null ? "" : " (" + partner.getAcronym() + ")")
                    + " — " + partner.getKind());
            option.put("value", String.valueOf(partner.getId()));
            options.add(option);
        }
        options.sort((a, b) -> a.get("label").compareToIgnoreCase(b.get("label")));
        return options;
    }

    @Transactional(readOnly = true)
    public List<Long> invitees(Long reviewId) {
        return jdbc.queryForList("select partner_id from departmental_review_invitee where review_id = ? order by partner_id",
                Long.class, reviewId);
    }

    @Transactional(readOnly = true)
    public List<Recommendation> previousOpenRecommendations(DepartmentalReview review) {
        return recommendations.openFromEarlierReviews(review.getDepartment(), review.halfYear());
    }

    /** Task_PrepareDepartmentalReview's form, read (shared.FormInput): invited partner ids, null = not answered. */
    public record PrepareCommand(LocalDate plannedOn, String venue, List<String> invitedPartners) {
    }

    /**
     * Records the preparation: date within the half-year (or up to six months after it, for a late
     * review), venue, invited partners (null → everyone with an active convention).
     */
    @Transactional
    public DepartmentalReview prepare(Long reviewId, PrepareCommand command) {
        DepartmentalReview review = get(reviewId);
        HalfYear halfYear = review.halfYear();
        LocalDate plannedOn = command.plannedOn();
        if (plannedOn.isBefore(halfYear.start()) || plannedOn.isAfter(halfYear.end().plusMonths(6))) {
            throw new ReviewFormException("La date prévue (" + plannedOn + ") doit tomber entre le " + halfYear.start()
                    + " et le " + halfYear.end().plusMonths(6) + ".");
        }
        String venue = command.venue();
        List<String> invited = command.invitedPartners();
        List<Long> partnerIds = new ArrayList<>();
        if (invited == null) {
            partnerIds.addAll(defaultInvitees(review));
        } else {
            for (String value : invited) {
                Long id;
                try {
                    id = Long.valueOf(value);
                } catch (NumberFormatException e) {
                    throw new ReviewFormException("Partenaire invité invalide : « " + value + " ».");
                }
                if (!partners.existsById(id)) {
                    throw new ReviewFormException("Partenaire invité inconnu : " + id + ".");
                }
                if (!partnerIds.contains(id)) {
                    partnerIds.add(id);
                }
            }
        }
        review.prepare(plannedOn, venue);
        review.touch(currentActor.userId(), OffsetDateTime.now(clock));
        reviews.saveAndFlush(review);
        jdbc.update("delete from departmental_review_invitee where review_id = ?", review.getId());
        for (Long id : partnerIds) {
            jdbc.update("insert into departmental_review_invitee (review_id, partner_id) values (?, ?)", review.getId(), id);
        }
        auditTrail.record("DepartmentalReview", review.getBusinessKey(), "PREPARED",
                "Prévue le " + plannedOn + " à " + venue + ", " + partnerIds.size() + " partenaire(s) invité(s)");
        return review;
    }

    /** Records the meeting: date (not in the future), minutes and attendance required, recommendations. */
    @Transactional
    public List<Recommendation> hold(Long reviewId, HoldMeetingCommand command) {
        DepartmentalReview review = get(reviewId);
        LocalDate heldOn = command.heldOn();
        LocalDate today = LocalDate.now(clock);
        if (heldOn.isAfter(today)) {
            throw new ReviewFormException("La date de tenue (" + heldOn + ") ne peut pas être dans le futur.");
        }
        if (heldOn.isBefore(review.halfYear().start())) {
            throw new ReviewFormException("La date de tenue (" + heldOn + ") précède le semestre revu ("
                    + review.halfYear().start() + ").");
        }
        String minutes = command.minutes();
        int participants = command.participants();
        List<RecommendationInput> inputs = recommendations.validateFormItems(command.recommendations(), heldOn);
        freezeReport(review);
        review.hold(heldOn, minutes, participants);
        review.touch(currentActor.userId(), OffsetDateTime.now(clock));
        reviews.saveAndFlush(review);
        List<Recommendation> created = recommendations.createAll(RecommendationSource.DEPARTMENTAL_REVIEW,
                review.getBusinessKey(), review.getDepartment(), inputs);
        auditTrail.record("DepartmentalReview", review.getBusinessKey(), "HELD",
                "Tenue le " + heldOn + ", " + participants + " participant(s), " + created.size() + " recommandation(s)");
        return created;
    }

    /** The copy of the held review goes to DPAF: recorded as a notification addressed to the group. */
    @Transactional
    public void sendCopyToDpaf(Long reviewId) {
        DepartmentalReview review = get(reviewId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String department = referenceData.label(ReferenceCategory.DEPARTMENT, review.getDepartment());
        jdbc.update("insert into review_notification (recipient_group, kind, related_key, subject, body, created_at, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", Groups.DPAF, "REVIEW_COPY", review.getBusinessKey(),
                "Copie de la revue semestrielle " + department + " (" + review.getHalfYearKey() + ")",
                "Revue tenue le " + review.getHeldOn() + " avec " + review.getParticipantsCount()
                        + " participant(s). Rapport : /api/reviews/" + review.getBusinessKey() + "/report.html",
                now, currentActor.userId());
        review.setDpafCopyAt(now);
        review.touch(currentActor.userId(), now);
        reviews.saveAndFlush(review);
        auditTrail.record("DepartmentalReview", review.getBusinessKey(), "COPY_TO_DPAF", "Copie transmise à la DPAF");
    }

    /** The review was not held by the end of its month: recorded, and DPAF gets an escalation task. */
    @Transactional
    public void recordLate(Long reviewId) {
        DepartmentalReview review = get(reviewId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        review.setEscalatedAt(now);
        review.touch(currentActor.userId(), now);
        reviews.saveAndFlush(review);
        jdbc.update("insert into review_notification (recipient_group, kind, related_key, subject, body, created_at, created_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", Groups.DPAF, "REVIEW_LATE", review.getBusinessKey(),
                "Revue semestrielle non tenue : " + review.getBusinessKey(),
                "La revue " + review.getBusinessKey() + " n'a pas été tenue avant le " + review.getDeadline().toLocalDate()
                        + " (statut " + review.getStatus() + ").", now, currentActor.userId());
        auditTrail.record("DepartmentalReview", review.getBusinessKey(), "ESCALATED", "Revue non tenue à temps");
    }

    /** DPAF's answer to a late review: remind the CPS and wait, or close the review as not held. */
    @Transactional
    public void recordEscalationHandled(Long reviewId, String decision, String action) {
        DepartmentalReview review = get(reviewId);
        if (!ReviewVariables.LATE_REVIEW_REMIND.equals(decision) && !ReviewVariables.LATE_REVIEW_CLOSE_NOT_HELD.equals(decision)) {
            throw new ReviewFormException("Décision inconnue : « " + decision + " » (relancer ou clore la revue comme non tenue).");
        }
        if (ReviewVariables.LATE_REVIEW_CLOSE_NOT_HELD.equals(decision) && review.getStatus() == DepartmentalReview.Status.HELD) {
            throw new ReviewFormException("La revue " + review.getBusinessKey() + " a été tenue : elle ne peut pas être close comme non tenue.");
        }
        auditTrail.record("DepartmentalReview", review.getBusinessKey(), "ESCALATION_HANDLED", decision + " : " + action);
    }

    /** Closed by DPAF without a meeting: the half-year can be compiled without waiting any longer. */
    @Transactional
    public void closeNotHeld(Long reviewId) {
        DepartmentalReview review = get(reviewId);
        freezeReport(review);
        review.closeNotHeld();
        review.touch(currentActor.userId(), OffsetDateTime.now(clock));
        reviews.saveAndFlush(review);
        auditTrail.record("DepartmentalReview", review.getBusinessKey(), "CLOSED_NOT_HELD", "Revue close sans tenue par la DPAF");
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> notificationsOf(String key) {
        return jdbc.queryForList("select recipient_group as \"recipientGroup\", kind as \"kind\", subject as \"subject\", "
                + "body as \"body\", created_at as \"createdAt\", created_by as \"createdBy\" "
                + "from review_notification where related_key = ? order by id", key);
    }

    /** The French summary of a report, shown read-only in the review forms. */
    public String describe(ReviewReport report) {
        ReviewFigures f = report.figures();
        StringBuilder text = new StringBuilder();
        text.append(report.isNational() ? "Rapport national " : "Rapport analytique ")
                .append(report.halfYearKey()).append(" (").append(report.periodStart()).append(" → ")
                .append(report.periodEnd()).append(")\n");
        if (report.isNational()) {
            text.append("Rapports départementaux compilés : ").append(report.departmentsCount()).append("\n");
        }
        text.append("Conventions en vigueur : ").append(f.activeConventions()).append(" (")
                .append(f.partnersWithConvention()).append(" partenaire(s))\n");
        if (!f.reportingDataAvailable()) {
            text.append("Données de rapportage trimestriel indisponibles.\n");
        }
        text.append("Rapports trimestriels attendus : ").append(f.reportsExpected()).append(", reçus : ")
                .append(f.reportsReceived()).append(", à temps : ").append(f.reportsOnTime()).append(", en retard : ")
                .append(f.reportsLate()).append(", manquants : ").append(f.reportsMissed()).append("\n");
        text.append("Activités : ").append(f.activities()).append(", bénéficiaires : ").append(f.beneficiaries())
                .append(", budget exécuté : ").append(String.format("%,d", f.budgetSpentXof()).replace(',', ' '))
                .append(" FCFA\n");
        text.append("Sanctions : ").append(f.warnings()).append(" avertissement(s), ").append(f.revocationsProposed())
                .append(" retrait(s) proposé(s), ").append(f.revocationsConfirmed()).append(" retrait(s) confirmé(s)\n");
        for (ReviewQuarter q : report.quarters()) {
            text.append(q.label()).append(" : ").append(q.expected()).append(" rapport(s) attendu(s), ")
                    .append(q.received()).append(" reçu(s), ").append(q.missed()).append(" manqué(s), ")
                    .append(q.awaited()).append(" encore attendu(s)\n");
        }
        if (!report.isNational()) {
            text.append(report.isFrozen()
                    ? "Chiffres arrêtés à la tenue de la revue (" + report.frozenAt().toLocalDate() + ").\n"
                    : "Chiffres provisoires : ils suivent les rapports enregistrés jusqu'à la tenue de la revue.\n");
        }
        appendLines(text, "Par domaine", f.lines(ReviewFigures.DOMAIN), ReferenceCategory.DOMAIN);
        appendLines(text, "Par groupe cible", f.lines(ReviewFigures.TARGET_GROUP), ReferenceCategory.TARGET_GROUP);
        if (report.isNational()) {
            appendLines(text, "Par département", f.lines(ReviewFigures.DEPARTMENT), ReferenceCategory.DEPARTMENT);
        }
        return text.toString().trim();
    }

    private void appendLines(StringBuilder text, String title, List<ReviewFigures.Line> lines, ReferenceCategory category) {
        if (lines.isEmpty()) {
            return;
        }
        text.append(title).append(" :\n");
        for (ReviewFigures.Line line : lines) {
            text.append("  - ").append(referenceData.label(category, line.code())).append(" : ")
                    .append(line.activities()).append(" activité(s), ").append(line.beneficiaries())
                    .append(" bénéficiaire(s), ").append(line.budgetXof()).append(" FCFA\n");
        }
    }
}
