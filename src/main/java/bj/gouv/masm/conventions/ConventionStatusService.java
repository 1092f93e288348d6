package bj.gouv.masm.conventions;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * THE one place a convention's status changes: the convention row, one {@code convention_status_change}
 * history row and the audit trail, together. Idempotent: asking for the status the convention already
 * has changes nothing and records nothing (so the lifecycle's revocation end and the reporting
 * feature's revocation can both call it without a double history row).
 */
@Service
@RequiredArgsConstructor
public class ConventionStatusService {

    private final ConventionRepository conventions;
    private final ConventionStatusChangeRepository history;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;
    private ApplicationEventPublisher events;

    @org.springframework.beans.factory.annotation.Autowired
    void setEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** @return true if the status changed, false if the convention already had it */
    @Transactional
    public boolean changeStatus(String number, ConventionStatus to, String reason) {
        Convention convention = conventions.findByNumber(number)
                .orElseThrow(() -> ApiException.notFound("Convention inconnue : " + number));
        return changeStatus(convention, to, reason);
    }

    /** @return true if the status changed, false if the convention already had it */
    @Transactional
    public boolean changeStatus(Convention convention, ConventionStatus to, String reason) {
        ConventionStatus from = convention.getStatus();
        if (from == to) {
            return false;
        }
        String actor = currentActor.userId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        convention.setStatus(to);
        convention.setClosedReason(to.isLive() ? null : reason);
        convention.touch(actor, now);
        conventions.saveAndFlush(convention);
        history.save(new ConventionStatusChange(convention.getId(), now, actor, from == null ? null : from.name(),
                to.name(), reason));
        auditTrail.record(ConventionService.ENTITY, convention.getNumber(), to.name(),
                from + " → " + to + (reason == null ? "" : " : " + reason));
        if (to == ConventionStatus.REVOKED && events != null) {
            events.publishEvent(new ConventionRevokedEvent(convention.getId(), convention.getNumber(),
                    convention.getPartnerId(), reason));
        }
        return true;
    }

    /**
     * A change of the convention's terms that keeps its status (an extension): one history row with the
     * same status before and after, and the audit trail entry under {@code action}.
     */
    @Transactional
    public void recordTermsChange(Convention convention, String action, String reason) {
        String actor = currentActor.userId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        convention.touch(actor, now);
        conventions.saveAndFlush(convention);
        history.save(new ConventionStatusChange(convention.getId(), now, actor, convention.getStatus().name(),
                convention.getStatus().name(), reason));
        auditTrail.record(ConventionService.ENTITY, convention.getNumber(), action, reason);
    }

    /** The first line of a newly signed convention's history (no previous status). */
    @Transactional
    public void recordSignature(Convention convention, String reason) {
        history.save(new ConventionStatusChange(convention.getId(), OffsetDateTime.now(clock), currentActor.userId(),
                null, convention.getStatus().name(), reason));
    }
}
