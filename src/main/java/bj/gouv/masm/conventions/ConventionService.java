package bj.gouv.masm.conventions;

import bj.gouv.masm.reviews.RecommendationInput;
import bj.gouv.masm.reviews.RecommendationService;
import bj.gouv.masm.reviews.RecommendationSource;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Conventions: registration at signature, evaluations, renewal, expiry and revocation, with status history. */
@Service
@RequiredArgsConstructor
public class ConventionService {

    public static final String ENTITY = "convention";
    /** Due date of a final-evaluation recommendation (and of a late mid-term one): days after the evaluation. */
    static final int DEFAULT_RECOMMENDATION_DAYS = 90;

    private final ConventionRepository conventions;
    private final ConventionStatusChangeRepository history;
    private final ConventionStatusService statusService;
    private final ConventionEvaluationRepository evaluations;
    private final ConventionSynthesisReportRepository synthesisReports;
    private final RecommendationService recommendations;
    private final NumberSequences numbers;
    private final List<ReportingStanding> standings;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final Clock clock;
    private ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** What the SGM records at signature (Task_SignConvention): the seven mandatory elements and the signatory. */
    public record Signature(LocalDate signedOn, int durationMonths, String partnerSignatory, Set<String> domains,
                            String obligations, String monitoringArrangement, String renewalConditions,
                            String accompaniment, String accountability) {
    }

    /** Registers a signed convention: a new number, its dates, status ACTIVE; a renewal marks its predecessor. */
    @Transactional
    public Convention register(Dossier dossier, Signature signature, int finalEvaluationMonthsBeforeEnd,
                               String processInstanceId) {
        Convention predecessor = null;
        if (dossier.getRenewalOf() != null) {
            predecessor = get(dossier.getRenewalOf());
            if (predecessor.getStatus() == ConventionStatus.REVOKED) {
                throw new LifecycleInputException(LifecycleVariables.SIGNED_ON, "La convention " + predecessor.getNumber()
                        + " a été révoquée : son renouvellement ne peut pas être signé.");
            }
        }
        ConventionTerms terms = ConventionTerms.of(signature.signedOn(), signature.durationMonths(),
                finalEvaluationMonthsBeforeEnd);
        String number = numbers.nextConventionNumber(signature.signedOn().getYear());
        Convention convention = new Convention(number, dossier.getPartnerId(), dossier.getDepartment(),
                signature.signedOn(), signature.durationMonths(), terms.startDate(), terms.endDate(),
                terms.midTermDate(), terms.finalEvaluationDate());
        convention.setDossierReference(dossier.getReference());
        convention.setPartnerSignatory(signature.partnerSignatory());
        convention.setDomains(signature.domains() == null || signature.domains().isEmpty()
                ? dossier.getDomains() : signature.domains());
        convention.setObligations(signature.obligations());
        convention.setMonitoringArrangement(signature.monitoringArrangement());
        convention.setRenewalConditions(signature.renewalConditions());
        convention.setAccompaniment(signature.accompaniment());
        convention.setAccountability(signature.accountability());
        convention.setProcessInstanceId(processInstanceId);
        if (predecessor != null) {
            convention.setRenewalOf(predecessor.getNumber());
        }
        save(convention);
        statusService.recordSignature(convention, "Convention signée le " + signature.signedOn()
                + (predecessor != null ? ", renouvelle " + predecessor.getNumber() : ""));
        audit.record(ENTITY, number, "SIGNED", "dossier " + dossier.getReference());
        if (predecessor != null && predecessor.getStatus().isLive()) {
            changeStatus(predecessor, ConventionStatus.RENEWED, "Renouvelée par la convention " + number);
        }
        if (events != null) {
            events.publishEvent(new ConventionSignedEvent(convention.getId(), number, convention.getPartnerId(),
                    dossier.getReference()));
        }
        return convention;
    }

    @Transactional
    public ConventionEvaluation recordMidTerm(String number, MidTermRating rating, String recommendations) {
        Convention convention = get(number);
        audit.record(ENTITY, number, "MID_TERM_EVALUATED", rating.name());
        LocalDate due = convention.getFinalEvaluationDate();
        register(convention, RecommendationSource.MID_TERM_EVALUATION, recommendations,
                due.isAfter(LocalDate.now(clock)) ? due : LocalDate.now(clock).plusDays(DEFAULT_RECOMMENDATION_DAYS));
        return evaluations.save(new ConventionEvaluation(convention.getId(), ConventionEvaluation.MID_TERM, rating.name(),
                recommendations, null, OffsetDateTime.now(clock), actor.userId()));
    }

    @Transactional
    public ConventionEvaluation recordFinal(String number, FinalRating rating, String recommendations,
                                            boolean renewalRequested) {
        Convention convention = get(number);
        audit.record(ENTITY, number, "FINAL_EVALUATED", rating.name() + (renewalRequested ? ", renouvellement demandé" : ""));
        register(convention, RecommendationSource.FINAL_EVALUATION, recommendations,
                LocalDate.now(clock).plusDays(DEFAULT_RECOMMENDATION_DAYS));
        return evaluations.save(new ConventionEvaluation(convention.getId(), ConventionEvaluation.FINAL, rating.name(),
                recommendations, renewalRequested, OffsetDateTime.now(clock), actor.userId()));
    }

    /**
     * Whether a convention reports for a period (a quarter): ACTIVE, or EXPIRED, with dates overlapping it
     * (an expiring one reports for its last quarter). SUSPENDED, TERMINATED, REVOKED and RENEWED ones do not
     * (the renewal reports). The reporting feature asks this when it opens the quarterly reports.
     */
    public static boolean reportsDuring(Convention convention, LocalDate from, LocalDate to) {
        ConventionStatus status = convention.getStatus();
        if (status != ConventionStatus.ACTIVE && status != ConventionStatus.EXPIRED) {
            return false;
        }
        return ConventionTerms.runsDuring(convention.getStartDate(), convention.getEndDate(), from, to);
    }

    /** {@link #reportsDuring} in SQL for the convention table under {@code alias}: binds {@code to}, then {@code from}. */
    public static String reportsDuringSql(String alias, String from, String to) {
        return alias + ".status in ('" + ConventionStatus.ACTIVE.name() + "', '" + ConventionStatus.EXPIRED.name()
                + "') and " + ConventionTerms.runsDuringSql(alias, from, to);
    }

    /**
     * Evaluation recommendations go to the recommendations register (reviews feature) and are followed up
     * there like the reviews' (daily RecommendationFollowUp once overdue): one entry per non-empty line of the
     * text, owned by the partner's CPS (an OSC) or the DPAF (a PTF), source key = the convention number.
     * Due: a mid-term recommendation by the final evaluation date, a final one within 90 days; the owner or
     * the DPAF may move it in the register.
     */
    private void register(Convention convention, RecommendationSource source, String text, LocalDate due) {
        if (text == null || text.isBlank()) {
            return;
        }
        String owner = convention.getDepartment() == null ? Groups.DPAF : Groups.cps(convention.getDepartment());
        List<RecommendationInput> inputs = text.lines().map(String::strip)
                .map(line -> line.replaceFirst("^[-•*]\\s*", "").strip())
                .filter(line -> !line.isEmpty())
                .map(line -> new RecommendationInput(line, owner, due)).toList();
        recommendations.createAll(source, convention.getNumber(), convention.getDepartment(), inputs);
    }

    /** The end-of-convention synthesis report, once per convention (Task_RecordSynthesisReport). */
    @Transactional
    public ConventionSynthesisReport recordSynthesis(String number, LocalDate receivedOn, String workSummary,
                                                     String assessment, String recommendationsText) {
        Convention convention = get(number);
        if (synthesisReports.findByConventionId(convention.getId()).isPresent()) {
            throw new LifecycleInputException(LifecycleVariables.SYNTHESIS_WORK_SUMMARY, "Le rapport de synthèse de la "
                    + "convention " + number + " est déjà enregistré.");
        }
        audit.record(ENTITY, number, "SYNTHESIS_RECORDED", "rapport reçu le " + receivedOn);
        return synthesisReports.save(new ConventionSynthesisReport(convention.getId(), receivedOn, workSummary,
                assessment, recommendationsText, OffsetDateTime.now(clock), actor.userId()));
    }

    @Transactional(readOnly = true)
    public Optional<ConventionSynthesisReport> synthesisOf(String number) {
        return synthesisReports.findByConventionId(get(number).getId());
    }

    /** Every declared {@link ReportingStanding} other than the default must agree (the default alone says yes). */
    public boolean isInGoodStanding(Long partnerId) {
        List<ReportingStanding> real = standings.stream()
                .filter(s -> !(s instanceof DefaultReportingStanding)).toList();
        return (real.isEmpty() ? standings : real).stream().allMatch(s -> s.isInGoodStanding(partnerId));
    }

    @Transactional
    public Convention expire(String number) {
        Convention convention = get(number);
        if (convention.getStatus().isLive()) {
            changeStatus(convention, ConventionStatus.EXPIRED, "Date de fin atteinte le " + convention.getEndDate());
        }
        return convention;
    }

    @Transactional
    public Convention revoke(String number, String reason) {
        Convention convention = get(number);
        if (convention.getStatus() != ConventionStatus.REVOKED) {
            changeStatus(convention, ConventionStatus.REVOKED, reason);
        }
        return convention;
    }

    @Transactional(readOnly = true)
    public Convention get(String number) {
        return find(number).orElseThrow(() -> new IllegalStateException("Unknown convention " + number));
    }

    @Transactional(readOnly = true)
    public Optional<Convention> find(String number) {
        return conventions.findByNumber(number);
    }

    @Transactional(readOnly = true)
    public List<ConventionStatusChange> historyOf(String number) {
        return history.findByConventionIdOrderByIdAsc(get(number).getId());
    }

    @Transactional(readOnly = true)
    public List<ConventionEvaluation> evaluationsOf(String number) {
        return evaluations.findByConventionIdOrderByIdAsc(get(number).getId());
    }

    private void changeStatus(Convention convention, ConventionStatus to, String reason) {
        statusService.changeStatus(convention, to, reason);
    }

    private Convention save(Convention convention) {
        convention.touch(actor.userId(), OffsetDateTime.now(clock));
        return conventions.saveAndFlush(convention);
    }
}
