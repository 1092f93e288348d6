package bj.gouv.masm.funding;

import bj.gouv.masm.conventions.ConventionStatus;
import static bj.gouv.masm.funding.FundingVariables.*;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.EngineCalls;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly declaration asked of each PTF with a convention (ACTIVE or SUSPENDED): one row in
 * ptf_declaration and one PtfDeclaration process per PTF and year (business key PTF-&lt;partnerId&gt;_&lt;YYYY&gt;).
 * Opening twice opens nothing twice (unique key checked before each start).
 */
@Service
@RequiredArgsConstructor
public class PtfDeclarationService {

    public static final Period DEFAULT_DECLARATION_PERIOD = Period.ofDays(60);

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record OpeningResult(int year, List<String> opened, List<String> alreadyOpen) {
    }

    public static String businessKey(Long partnerId, int year) {
        return "PTF-" + partnerId + "_" + year;
    }

    /** By hand (DPAF, admin): same as the calendar; the year must have started. */
    @Transactional
    public OpeningResult openByHand(int year) {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Seules la DPAF et l'administration ouvrent les déclarations des PTF");
        }
        if (year < 2000 || LocalDate.of(year, 1, 1).isAfter(LocalDate.now(clock))) {
            throw ApiException.badRequest("Année invalide ou pas encore commencée : " + year);
        }
        return openYear(year, DEFAULT_DECLARATION_PERIOD);
    }

    /** Asks every PTF with a convention in force (ACTIVE or SUSPENDED) for its declaration of the year. */
    @Transactional
    public OpeningResult openYear(int year, Period declarationPeriod) {
        LocalDate today = LocalDate.now(clock);
        LocalDate dueDate = today.plus(declarationPeriod);
        List<Map<String, Object>> ptfs = jdbc.queryForList("""
                select p.id, p.name from partner p where p.kind = 'PTF' and exists (select 1 from convention c
                  where c.partner_id = p.id and %s) order by p.name, p.id""".formatted(ConventionStatus.liveSql("c")));
        List<String> opened = new ArrayList<>();
        List<String> already = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        for (Map<String, Object> ptf : ptfs) {
            Long partnerId = ((Number) ptf.get("id")).longValue();
            String key = businessKey(partnerId, year);
            Integer exists = jdbc.queryForObject("select count(*) from ptf_declaration where business_key = ?",
                    Integer.class, key);
            if (exists != null && exists > 0) {
                already.add(key);
                continue;
            }
            jdbc.update("insert into ptf_declaration (partner_id, declaration_year, business_key, status, due_date, "
                    + "created_at, created_by, updated_at, updated_by) values (?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?)",
                    partnerId, year, key, Date.valueOf(dueDate), now, actor, now, actor);
            Long id = jdbc.queryForObject("select id from ptf_declaration where business_key = ?", Long.class, key);
            Map<String, Object> variables = new HashMap<>();
            variables.put(PARTNER_ID, partnerId);
            variables.put(PARTNER_NAME, ptf.get("name"));
            variables.put(DECLARATION_ID, id);
            variables.put(DECLARATION_YEAR, year);
            variables.put(DECLARATION_DUE_DATE, java.util.Date.from(dueDate.atStartOfDay(clock.getZone()).toInstant()));
            String instanceId = engineCalls.asSystem(() ->
                    runtimeService.startProcessInstanceByKey(DECLARATION_PROCESS, key, variables).getId());
            jdbc.update("update ptf_declaration set process_instance_id = ? where id = ?", instanceId, id);
            auditTrail.record("PtfDeclaration", key, "REQUESTED", "Déclaration " + year + " demandée, échéance " + dueDate);
            opened.add(key);
        }
        return new OpeningResult(year, opened, already);
    }

    /** The DPAF task is completed: the declaration was received (its activities recorded) or not. */
    @Transactional
    public void recordOutcome(Long declarationId, boolean received, String notes) {
        String status = received ? "RECEIVED" : "NOT_RECEIVED";
        jdbc.update("update ptf_declaration set status = ?, received_on = ?, notes = ?, updated_at = ?, updated_by = ? "
                        + "where id = ?", status, received ? Date.valueOf(LocalDate.now(clock)) : null, notes,
                OffsetDateTime.now(clock), currentActor.userId(), declarationId);
        auditTrail.record("PtfDeclaration", keyOf(declarationId), status, notes == null ? "" : notes);
    }

    /** The due date passed without a declaration: LATE, one more reminder (the DPAF task stays open). */
    @Transactional
    public void recordLate(Long declarationId) {
        jdbc.update("update ptf_declaration set status = 'LATE', reminders = reminders + 1, updated_at = ?, updated_by = ? "
                + "where id = ? and status in ('REQUESTED', 'LATE')", OffsetDateTime.now(clock), currentActor.userId(),
                declarationId);
        auditTrail.record("PtfDeclaration", keyOf(declarationId), "LATE", "Échéance dépassée : PTF à relancer");
    }

    public record Declaration(Long id, Long partnerId, int year, String businessKey, String status, LocalDate dueDate,
                              int reminders, LocalDate receivedOn) {
    }

    public List<Declaration> ofYear(int year) {
        return jdbc.query("select id, partner_id, declaration_year, business_key, status, due_date, reminders, received_on "
                + "from ptf_declaration where declaration_year = ? order by business_key", (rs, i) -> new Declaration(
                rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getObject(8, LocalDate.class)), year);
    }

    private String keyOf(Long declarationId) {
        return jdbc.queryForObject("select business_key from ptf_declaration where id = ?", String.class, declarationId);
    }
}
