package bj.gouv.masm.conventions;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.TextNormalizer;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.hibernate.Session;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Convention dossiers: filing, CPS check, DPAF review, missing documents, closing; with status history. */
@Service
@RequiredArgsConstructor
public class DossierService {

    public static final String ENTITY = "dossier";

    private final DossierRepository dossiers;
    private final DossierStatusChangeRepository history;
    private final PartnerRepository partners;
    private final NumberSequences numbers;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EntityManager entityManager;

    /** What a dossier asks for (from the start form; every part optional). */
    public record DossierRequest(Set<String> axes, Set<String> domains, Set<String> departments,
                                 Integer requestedDurationMonths, String cooperationObject) {
        public static DossierRequest empty() {
            return new DossierRequest(Set.of(), Set.of(), Set.of(), null, null);
        }
    }

    /**
     * The partner a dossier is filed for: by id, or else by registration number or name (case, accents and
     * spacing ignored; an acronym is accepted too when it designates one partner).
     */
    @Transactional(readOnly = true)
    public Partner resolvePartner(Long partnerId, String query) {
        if (partnerId != null) {
            return partners.findById(partnerId).orElseThrow(() -> new LifecycleInputException(
                    LifecycleVariables.PARTNER_ID, "Partenaire inconnu : aucun partenaire enregistré n'a l'identifiant "
                    + partnerId + "."));
        }
        if (query == null || query.isBlank()) {
            throw new LifecycleInputException(LifecycleVariables.PARTNER_QUERY,
                    "Indiquez le partenaire : son numéro d'enregistrement ou son nom.");
        }
        String wanted = query.trim();
        var byRegistration = partners.findByRegistrationNumber(wanted);
        if (byRegistration.isPresent()) {
            return byRegistration.get();
        }
        List<Partner> byName = partners.findByNormalisedName(TextNormalizer.normalise(wanted));
        if (byName.isEmpty()) {
            byName = partners.findByAcronymIgnoreCase(wanted);
        }
        if (byName.isEmpty()) {
            throw new LifecycleInputException(LifecycleVariables.PARTNER_QUERY, "Partenaire introuvable : aucun partenaire "
                    + "enregistré ne porte le numéro ou le nom « " + wanted + " ». Enregistrez-le d'abord dans le registre.");
        }
        if (byName.size() > 1) {
            throw new LifecycleInputException(LifecycleVariables.PARTNER_QUERY, "Plusieurs partenaires correspondent à « "
                    + wanted + " » : indiquez le numéro d'enregistrement.");
        }
        return byName.get(0);
    }

    /** The department whose CPS handles an OSC's dossier; a PTF is handled centrally (null). */
    public static String handlingDepartment(Partner partner) {
        if (partner.getKind() != PartnerKind.OSC) {
            return null;
        }
        String department = partner.followingDepartment();
        if (department == null) {
            throw new LifecycleInputException(LifecycleVariables.PARTNER_QUERY, "L'OSC « " + partner.getName()
                    + " » n'a pas de département de siège : complétez sa fiche dans le registre (département du siège).");
        }
        return department;
    }

    @Transactional
    public Dossier file(Partner partner, DossierRequest request, String processInstanceId) {
        Dossier dossier = new Dossier(numbers.nextDossierReference(LocalDate.now(clock).getYear()), partner.getId(),
                partner.getKind(), handlingDepartment(partner));
        dossier.setAxes(request.axes());
        dossier.setDomains(request.domains().isEmpty() ? partner.getDomains() : request.domains());
        dossier.setDepartments(request.departments().isEmpty() ? partner.getDepartments() : request.departments());
        dossier.setRequestedDurationMonths(request.requestedDurationMonths());
        dossier.setCooperationObject(request.cooperationObject());
        dossier.setProcessInstanceId(processInstanceId);
        save(dossier);
        record(dossier, null, DossierStatus.FILED, "Dossier déposé");
        audit.record(ENTITY, dossier.getReference(), "FILED", "partenaire " + partner.getId());
        events.publishEvent(new DossierFiledEvent(partner.getId(), dossier.getReference()));
        return dossier;
    }

    /** A renewal dossier: same partner and scope as the convention it renews, straight to signature. */
    @Transactional
    public Dossier fileRenewal(Convention predecessor, Dossier original) {
        Dossier dossier = new Dossier(numbers.nextDossierReference(LocalDate.now(clock).getYear()),
                predecessor.getPartnerId(), original.getPartnerKind(), original.getDepartment());
        dossier.setAxes(original.getAxes());
        dossier.setDomains(predecessor.getDomains().isEmpty() ? original.getDomains() : predecessor.getDomains());
        dossier.setDepartments(original.getDepartments());
        dossier.setRequestedDurationMonths(predecessor.getDurationMonths());
        dossier.setCooperationObject(original.getCooperationObject());
        dossier.setRenewalOf(predecessor.getNumber());
        dossier.setReceivedDocuments(original.getReceivedDocuments());
        save(dossier);
        record(dossier, null, DossierStatus.FILED, "Renouvellement de la convention " + predecessor.getNumber());
        changeStatus(dossier, DossierStatus.ACCEPTED, "Renouvellement décidé après l'évaluation finale");
        audit.record(ENTITY, dossier.getReference(), "RENEWAL_FILED", predecessor.getNumber());
        events.publishEvent(new DossierFiledEvent(dossier.getPartnerId(), dossier.getReference()));
        return dossier;
    }

    @Transactional
    public void attachProcess(String reference, String processInstanceId) {
        Dossier dossier = get(reference);
        dossier.setProcessInstanceId(processInstanceId);
        save(dossier);
    }

    @Transactional
    public Dossier recordCheck(String reference, boolean complete, String missingDocuments, Set<String> received,
                              String comment) {
        Dossier dossier = get(reference);
        dossier.setReceivedDocuments(received);
        dossier.setCheckComment(comment);
        if (complete) {
            dossier.setMissingDocuments(null);
            changeStatus(dossier, DossierStatus.UNDER_REVIEW, "Dossier complet, transmis à la DPAF");
        } else {
            requestDocuments(dossier, missingDocuments, LifecycleVariables.TASK_CHECK_DOSSIER);
        }
        return save(dossier);
    }

    @Transactional
    public Dossier recordReview(String reference, ReviewOpinion opinion, String comment, String missingDocuments,
                               Set<String> received) {
        Dossier dossier = get(reference);
        if (received != null) {
            dossier.setReceivedDocuments(received);
        }
        dossier.setReviewOpinion(opinion);
        dossier.setReviewComment(comment);
        switch (opinion) {
            case FAVOURABLE -> changeStatus(dossier, DossierStatus.ACCEPTED, "Avis favorable de la DPAF");
            case UNFAVOURABLE -> {
                dossier.setClosingReason(comment);
                changeStatus(dossier, DossierStatus.REJECTED, comment);
                events.publishEvent(new DossierClosedEvent(dossier.getPartnerId(), reference,
                        DossierClosedEvent.Outcome.REJECTED, comment));
            }
            case INCOMPLETE -> requestDocuments(dossier,
                    missingDocuments == null || missingDocuments.isBlank() ? comment : missingDocuments,
                    LifecycleVariables.TASK_REVIEW_DOSSIER);
        }
        return save(dossier);
    }

    private void requestDocuments(Dossier dossier, String missingDocuments, String requestedBy) {
        dossier.setMissingDocuments(missingDocuments);
        dossier.setMissingDocumentsRequestedBy(requestedBy);
        changeStatus(dossier, DossierStatus.INCOMPLETE, "Pièces manquantes : " + missingDocuments);
    }

    @Transactional
    public Dossier recordDeadline(String reference, OffsetDateTime deadline) {
        Dossier dossier = get(reference);
        dossier.setMissingDocumentsDeadline(deadline);
        events.publishEvent(new MissingDocumentsRequestedEvent(dossier.getPartnerId(), reference,
                dossier.getMissingDocuments(), deadline));
        return save(dossier);
    }

    /** The missing documents arrived: back to the step that asked for them. */
    @Transactional
    public Dossier documentsReceived(String reference, Set<String> received) {
        Dossier dossier = get(reference);
        if (received != null) {
            dossier.setReceivedDocuments(received);
        }
        DossierStatus back = LifecycleVariables.TASK_CHECK_DOSSIER.equals(dossier.getMissingDocumentsRequestedBy())
                ? DossierStatus.FILED : DossierStatus.UNDER_REVIEW;
        dossier.setMissingDocumentsDeadline(null);
        changeStatus(dossier, back, "Pièces manquantes reçues");
        return save(dossier);
    }

    @Transactional
    public Dossier abandon(String reference, String reason) {
        Dossier dossier = get(reference);
        dossier.setClosingReason(reason);
        changeStatus(dossier, DossierStatus.ABANDONED, reason);
        events.publishEvent(new DossierClosedEvent(dossier.getPartnerId(), reference,
                DossierClosedEvent.Outcome.ABANDONED, reason));
        return save(dossier);
    }

    @Transactional
    public Dossier cancel(String reference, String reason) {
        Dossier dossier = get(reference);
        dossier.setClosingReason(reason);
        changeStatus(dossier, DossierStatus.CANCELLED, reason);
        return save(dossier);
    }

    /** The SGM sends the dossier back to the DPAF review with a comment (signatureDecision RETURNED). */
    @Transactional
    public Dossier returnFromSignature(String reference, String comment) {
        Dossier dossier = get(reference);
        dossier.setSignatureComment(comment);
        changeStatus(dossier, DossierStatus.UNDER_REVIEW, "Renvoyé à la DPAF par le SGM : " + comment);
        return save(dossier);
    }

    /**
     * The SGM declines to sign (signatureDecision DECLINED): the dossier is closed with the reason, no convention
     * is registered; {@link SignatureDeclinedEvent} is published in this transaction.
     */
    @Transactional
    public Dossier declineSignature(String reference, String reason) {
        Dossier dossier = get(reference);
        dossier.setSignatureComment(reason);
        dossier.setClosingReason(reason);
        changeStatus(dossier, DossierStatus.DECLINED, "Signature refusée par le SGM : " + reason);
        save(dossier);
        events.publishEvent(new SignatureDeclinedEvent(dossier.getPartnerId(), dossier.getReference(), reason));
        return dossier;
    }

    @Transactional
    public Dossier markSigned(String reference, String conventionNumber) {
        Dossier dossier = get(reference);
        changeStatus(dossier, DossierStatus.SIGNED, "Convention " + conventionNumber + " signée");
        return save(dossier);
    }

    @Transactional(readOnly = true)
    public Dossier get(String reference) {
        // a task completion reads its dossier three times (check, record, next task's context): by natural
        // id, the second and third reads are answered from the transaction's persistence context
        Dossier dossier = reference == null ? null
                : entityManager.unwrap(Session.class).bySimpleNaturalId(Dossier.class).load(reference);
        if (dossier == null) {
            throw new IllegalStateException("Unknown dossier " + reference);
        }
        return dossier;
    }

    @Transactional(readOnly = true)
    public List<DossierStatusChange> historyOf(String reference) {
        return history.findByDossierIdOrderByIdAsc(get(reference).getId());
    }

    private void changeStatus(Dossier dossier, DossierStatus to, String reason) {
        DossierStatus from = dossier.getStatus();
        dossier.setStatus(to);
        record(dossier, from, to, reason);
        audit.record(ENTITY, dossier.getReference(), to.name(), reason);
    }

    private void record(Dossier dossier, DossierStatus from, DossierStatus to, String reason) {
        history.save(new DossierStatusChange(dossier.getId(), OffsetDateTime.now(clock), actor.userId(),
                from == null ? null : from.name(), to.name(), reason));
    }

    private Dossier save(Dossier dossier) {
        dossier.touch(actor.userId(), OffsetDateTime.now(clock));
        return dossiers.saveAndFlush(dossier);
    }

    static Set<String> copy(Set<String> codes) {
        return codes == null ? new TreeSet<>() : new TreeSet<>(codes);
    }
}
