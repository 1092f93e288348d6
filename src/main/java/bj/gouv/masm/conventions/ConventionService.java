package bj.gouv.masm.conventions;

import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Conventions: registration at signature, evaluations, renewal, expiry and revocation, with status history. */
@Service
public class ConventionService {

    public static final String ENTITY = "convention";

    private final ConventionRepository conventions;
    private final ConventionStatusChangeRepository history;
    private final ConventionStatusService statusService;
    private final ConventionEvaluationRepository evaluations;
    private final NumberSequences numbers;
    private final List<ReportingStanding> standings;
    private final RuntimeService runtimeService;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final Clock clock;
    private ApplicationEventPublisher events;

    public ConventionService(ConventionRepository conventions, ConventionStatusChangeRepository history,
                             ConventionStatusService statusService,
                             ConventionEvaluationRepository evaluations, NumberSequences numbers,
                             List<ReportingStanding> standings, RuntimeService runtimeService, AuditTrail audit,
                             CurrentActor actor, Clock clock) {
        this.conventions = conventions;
        this.history = history;
        this.statusService = statusService;
        this.evaluations = evaluations;
        this.numbers = numbers;
        this.standings = standings;
        this.runtimeService = runtimeService;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

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
        return evaluations.save(new ConventionEvaluation(convention.getId(), ConventionEvaluation.MID_TERM, rating.name(),
                recommendations, null, OffsetDateTime.now(clock), actor.userId()));
    }

    @Transactional
    public ConventionEvaluation recordFinal(String number, FinalRating rating, String recommendations,
                                            boolean renewalRequested) {
        Convention convention = get(number);
        audit.record(ENTITY, number, "FINAL_EVALUATED", rating.name() + (renewalRequested ? ", renouvellement demandé" : ""));
        return evaluations.save(new ConventionEvaluation(convention.getId(), ConventionEvaluation.FINAL, rating.name(),
                recommendations, renewalRequested, OffsetDateTime.now(clock), actor.userId()));
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

    /**
     * Ends the live lifecycle of a convention because its partner lost its accreditation: sends the message
     * {@code AccreditationRevoked} to the process whose business key is the convention's dossier reference.
     * For the reporting feature (Task_DecideRevocation) and administrators.
     */
    @Transactional
    public void requestRevocation(String number, String reason) {
        Convention convention = get(number);
        if (!convention.getStatus().isLive()) {
            throw new LifecycleInputException("conventionNumber", "La convention " + number
                    + " n'est plus en vigueur (" + convention.getStatus() + ") : elle ne peut pas être révoquée.");
        }
        runtimeService.createMessageCorrelation(LifecycleVariables.MESSAGE_ACCREDITATION_REVOKED)
                .processInstanceBusinessKey(convention.getDossierReference())
                .setVariables(Map.of(LifecycleVariables.REVOCATION_REASON, reason == null ? "Agrément révoqué" : reason))
                .correlate();
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
