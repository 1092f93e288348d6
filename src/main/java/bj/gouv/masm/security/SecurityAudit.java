package bj.gouv.masm.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Security events into the audit trail ({@code audit_event}): failed logins, throttled addresses,
 * exports, deployments. Plain JDBC so that it works from servlet filters and from inside the process
 * engine (it joins the current transaction when there is one: a refused deployment leaves no trace of
 * a deployment).
 */
@Component
@RequiredArgsConstructor
public class SecurityAudit {

    public static final String LOGIN = "Login";
    public static final String EXPORT = "Export";
    public static final String DEPLOYMENT = "Deployment";
    public static final String ANONYMOUS = "anonymous";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public void record(String actor, String entityType, String entityId, String action, String details) {
        jdbc.update("insert into audit_event (occurred_at, actor, entity_type, entity_id, action, details) "
                        + "values (?, ?, ?, ?, ?, ?)",
                OffsetDateTime.now(clock), cut(actor == null ? ANONYMOUS : actor, 64), cut(entityType, 40),
                cut(entityId == null || entityId.isBlank() ? "-" : entityId, 64), cut(action, 40), details);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
