package bj.gouv.masm.shared;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records who changed what in our tables, inside the caller's transaction (no trace of a rolled-back change). */
@Service
@RequiredArgsConstructor
public class AuditTrail {

    private final AuditEventRepository repository;
    private final CurrentActor currentActor;
    private final Clock clock;

    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEvent record(String entityType, Object entityId, String action, String details) {
        return repository.save(new AuditEvent(OffsetDateTime.now(clock), currentActor.userId(), entityType,
                String.valueOf(entityId), action, details));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> historyOf(String entityType, Object entityId) {
        return repository.findByEntityTypeAndEntityIdOrderByOccurredAtAscIdAsc(entityType, String.valueOf(entityId));
    }

    /** The events from {@code from} (included) to {@code to} (excluded), oldest first, one page. */
    @Transactional(readOnly = true)
    public org.springframework.data.domain.Page<AuditEvent> between(OffsetDateTime from, OffsetDateTime to, int page,
                                                                   int size) {
        return repository.findByOccurredAtGreaterThanEqualAndOccurredAtLessThanOrderByOccurredAtAscIdAsc(from, to,
                org.springframework.data.domain.PageRequest.of(page, size));
    }
}
