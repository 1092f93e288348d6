package bj.gouv.masm.reporting;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the centre sees of the departments' work: every OSC regularisation case and every refused CPS
 * support request, for DPAF (and the other central groups) across all departments; a CPS sees its own.
 */
@Service
@RequiredArgsConstructor
public class CentralOversight {

    private final JdbcTemplate jdbc;
    private final AccessScope accessScope;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** Keeps a refused support request (own transaction: the refused request itself is rolled back). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordRefusal(CpsSupportService.SupportRequest request, String reason) {
        if (request == null || request.department() == null
                || jdbc.queryForObject("select count(*) from ref_department where code = ?", Integer.class, request.department()) == 0) {
            return;
        }
        Long partnerId = request.partnerId() != null
                && jdbc.queryForObject("select count(*) from partner where id = ?", Integer.class, request.partnerId()) > 0
                ? request.partnerId() : null;
        jdbc.update("insert into cps_support_refusal (partner_id, department, support_type, description, requested_on, reason, "
                        + "created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)", partnerId, request.department(),
                truncate(request.supportType(), 60), truncate(request.description(), 2000),
                request.providedOn() == null ? LocalDate.now(clock) : request.providedOn(), truncate(reason, 2000),
                OffsetDateTime.now(clock), currentActor.userId());
    }

    /** Refused support requests, newest first, of the departments the caller may see. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> refusals(String department) {
        List<Object> args = new ArrayList<>();
        String sql = "select r.id as \"id\", r.partner_id as \"partnerId\", p.name as \"partnerName\", r.department as \"department\", "
                + "r.support_type as \"supportType\", r.description as \"description\", r.requested_on as \"requestedOn\", "
                + "r.reason as \"reason\", r.created_at as \"refusedAt\", r.created_by as \"requestedBy\" "
                + "from cps_support_refusal r left join partner p on p.id = r.partner_id";
        if (department != null && !department.isBlank()) {
            sql += " where r.department = ?";
            args.add(department.trim().toUpperCase(java.util.Locale.ROOT));
        }
        return jdbc.queryForList(sql + " order by r.created_at desc, r.id desc", args.toArray()).stream()
                .filter(row -> accessScope.canSeeDepartment((String) row.get("department"))).toList();
    }

    /** OSC regularisation cases (all statuses unless one is asked), newest first, of the visible departments. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> regularisations(String department, String status) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select g.id as \"id\", g.partner_id as \"partnerId\", p.name as \"partnerName\", "
                + "g.department as \"department\", g.status as \"status\", g.observed_activity as \"observedActivity\", "
                + "g.invitations as \"invitations\", g.dossier_reference as \"dossierReference\", "
                + "g.process_instance_id as \"processInstanceId\", g.created_at as \"reportedAt\", g.created_by as \"reportedBy\", "
                + "g.closed_at as \"closedAt\" from osc_regularisation g join partner p on p.id = g.partner_id where 1 = 1");
        if (department != null && !department.isBlank()) {
            sql.append(" and g.department = ?");
            args.add(department.trim().toUpperCase(java.util.Locale.ROOT));
        }
        if (status != null && !status.isBlank()) {
            sql.append(" and g.status = ?");
            args.add(status.trim().toUpperCase(java.util.Locale.ROOT));
        }
        return jdbc.queryForList(sql + " order by g.created_at desc, g.id desc", args.toArray()).stream()
                .filter(row -> accessScope.canSeeDepartment((String) row.get("department"))).toList();
    }

    private static String truncate(String text, int max) {
        return text == null ? null : text.length() <= max ? text : text.substring(0, max);
    }
}
