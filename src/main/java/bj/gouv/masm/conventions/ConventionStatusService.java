package bj.gouv.masm.conventions;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * THE one place a convention's status changes: the convention row, one {@code convention_status_change}
 * history row and the audit trail, together. Idempotent: asking for the status the convention already
 * has changes nothing and records nothing (so the lifecycle's revocation end and the reporting
 * feature's revocation can both call it without a double history row).
 */
@Service
public class ConventionStatusService {

    private final ConventionRepository conventions;
    private final JdbcTemplate jdbc;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public ConventionStatusService(ConventionRepository conventions, JdbcTemplate jdbc, AuditTrail auditTrail,
                                   CurrentActor currentActor, Clock clock) {
        this.conventions = conventions;
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** @return true if the status changed, false if the convention already had it */
    @Transactional
    public boolean changeStatus(String number, ConventionStatus to, String reason) {
        Convention convention = conventions.findByNumber(number)
                .orElseThrow(() -> ApiException.notFound("Convention inconnue : " + number));
        ConventionStatus from = convention.getStatus();
        if (from == to) {
            return false;
        }
        String actor = currentActor.userId();
        OffsetDateTime now = OffsetDateTime.now(clock);
        convention.setStatus(to);
        convention.touch(actor, now);
        conventions.saveAndFlush(convention);
        jdbc.update("insert into convention_status_change (convention_id, changed_at, changed_by, from_status, to_status, reason) "
                + "values (?, ?, ?, ?, ?, ?)", convention.getId(), now, actor, from.name(), to.name(), reason);
        auditTrail.record("Convention", number, "STATUS_" + to.name(), from + " → " + to + (reason == null ? "" : " : " + reason));
        return true;
    }
}
