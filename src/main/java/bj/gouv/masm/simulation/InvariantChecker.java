package bj.gouv.masm.simulation;

import bj.gouv.masm.conventions.ConventionTerms;
import bj.gouv.masm.shared.MasmTimeZone;
import bj.gouv.masm.reporting.Quarter;
import bj.gouv.masm.reviews.HalfYear;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The invariants of the record, checked on the engine's history and our tables after (or during) a run.
 * Each returns its violations as {invariant, caseKey, detail}; none are expected for sound models.
 */
@Component
@Profile(SimulationCommand.PROFILE)
@RequiredArgsConstructor
public class InvariantChecker {

    public static final String CONVENTION_WITHOUT_OPINION_OR_SIGNATURE = "CONVENTION_HAS_FAVOURABLE_OPINION_AND_SGM_SIGNATURE";
    public static final String ACTIVE_AFTER_END = "NO_ACTIVE_CONVENTION_AFTER_END_DATE";
    public static final String ONE_REPORT_PER_QUARTER = "ONE_REPORT_PER_OSC_CONVENTION_PER_QUARTER_IN_FORCE";
    public static final String SANCTION_ON_COMPLIANT_REPORT = "NO_SANCTION_FOR_COMPLETE_ON_TIME_REPORT";
    public static final String REVIEW_COUNTS_HALF_YEAR = "REVIEW_COUNTS_ALL_REPORTS_OF_ITS_HALF_YEAR";
    public static final String TASK_CANDIDATE_GROUP = "USER_TASK_HAS_EXISTING_CANDIDATE_GROUP";
    public static final String TASK_DUE_DATE = "USER_TASK_HAS_DUE_DATE";
    public static final String NO_INCIDENT = "NO_INCIDENT";
    public static final String UNIQUE_CONVENTION_NUMBER = "NO_DUPLICATE_CONVENTION_NUMBER";

    /** Every invariant, in the order of the report. */
    public static final List<String> ALL = List.of(CONVENTION_WITHOUT_OPINION_OR_SIGNATURE, ACTIVE_AFTER_END,
            ONE_REPORT_PER_QUARTER, SANCTION_ON_COMPLIANT_REPORT, REVIEW_COUNTS_HALF_YEAR, TASK_CANDIDATE_GROUP,
            TASK_DUE_DATE, NO_INCIDENT, UNIQUE_CONVENTION_NUMBER);

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final IdentityService identityService;

    /** The invariants checked on the record once the run is over ({@code end}: first day not simulated). */
    public List<SimulationResult.Violation> check(LocalDate end) {
        List<SimulationResult.Violation> violations = new ArrayList<>();
        violations.addAll(conventionsHaveOpinionAndSignature());
        violations.addAll(onlyOneReportPerQuarterInForce(end));
        violations.addAll(noSanctionForCompliantReports());
        violations.addAll(reviewsCountTheirHalfYear());
        violations.addAll(noIncidents());
        violations.addAll(uniqueConventionNumbers());
        return violations;
    }

    /**
     * Numbers of the conventions still ACTIVE on {@code day} although their dates say they are no longer in
     * force ({@code ConventionTerms}: up to the day before the end date; checked after the day's timers).
     */
    public List<String> activePastEndDate(LocalDate day) {
        return jdbc.queryForList("select number from convention c where c.status = 'ACTIVE' and not "
                + ConventionTerms.inForceOnSql("c", "?") + " order by number", String.class, day, day);
    }

    List<SimulationResult.Violation> conventionsHaveOpinionAndSignature() {
        Map<String, Object> opinion = new HashMap<>();
        for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().variableName("reviewOpinion").list()) {
            opinion.put(v.getProcessInstanceId(), v.getValue());
        }
        Map<String, String> signedBy = new HashMap<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .taskDefinitionKey(Simulator.SIGN_TASK).finished().list()) {
            if ("completed".equals(task.getDeleteReason())) {
                signedBy.put(task.getProcessInstanceId(), task.getAssignee());
            }
        }
        Map<String, Boolean> sgmMember = new HashMap<>();
        Map<String, String[]> conventions = new HashMap<>();
        jdbc.query("select number, process_instance_id, renewal_of from convention", rs -> {
            conventions.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)});
        });
        List<SimulationResult.Violation> violations = new ArrayList<>();
        for (var entry : conventions.entrySet()) {
            String number = entry.getKey();
            String instance = entry.getValue()[0];
            String signer = signedBy.get(instance);
            boolean sgm = signer != null && sgmMember.computeIfAbsent(signer,
                    u -> identityService.createGroupQuery().groupMember(u).groupId("sgm").count() > 0);
            if (!sgm) {
                violations.add(new SimulationResult.Violation(CONVENTION_WITHOUT_OPINION_OR_SIGNATURE, number,
                        signer == null ? "aucune signature (Task_SignConvention) dans l'historique"
                                : "signée par " + signer + ", qui n'est pas du SGM"));
            }
            // a renewal carries the favourable opinion of the convention it renews
            String current = number;
            Set<String> visited = new HashSet<>();
            boolean favourable = false;
            while (current != null && visited.add(current) && conventions.containsKey(current)) {
                String[] row = conventions.get(current);
                if ("FAVOURABLE".equals(String.valueOf(opinion.get(row[0])))) {
                    favourable = true;
                    break;
                }
                current = row[1];
            }
            if (!favourable) {
                violations.add(new SimulationResult.Violation(CONVENTION_WITHOUT_OPINION_OR_SIGNATURE, number,
                        "aucun avis favorable de la DPAF dans l'historique (ni pour la convention renouvelée)"));
            }
        }
        return violations;
    }

    /**
     * Each OSC convention reports exactly once for each ended quarter it ran in while in force (ACTIVE, or
     * EXPIRED during that quarter) when the quarter closed; never for a quarter that closed while it was
     * SUSPENDED, REVOKED or RENEWED.
     */
    List<SimulationResult.Violation> onlyOneReportPerQuarterInForce(LocalDate end) {
        Map<Long, List<Object[]>> changes = new HashMap<>();
        jdbc.query("select convention_id, changed_at, to_status from convention_status_change order by changed_at, id", rs -> {
            changes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new Object[]{rs.getTimestamp(2).toInstant(), rs.getString(3)});
        });
        Map<String, Integer> reports = new HashMap<>();
        jdbc.query("select convention_id, report_year, report_quarter, count(*) from quarterly_report "
                + "group by convention_id, report_year, report_quarter", rs -> {
            reports.put(rs.getLong(1) + "|" + rs.getInt(2) + "|" + rs.getInt(3), rs.getInt(4));
        });
        List<SimulationResult.Violation> violations = new ArrayList<>();
        jdbc.query("select c.id, c.number, c.start_date, c.end_date from convention c join partner p on p.id = c.partner_id "
                + "where p.kind = 'OSC' order by c.number", rs -> {
            long id = rs.getLong(1);
            String number = rs.getString(2);
            LocalDate start = rs.getDate(3).toLocalDate();
            LocalDate finish = rs.getDate(4).toLocalDate();
            for (Quarter q = Quarter.containing(start); ConventionTerms.runsDuring(start, finish, q.start(), q.end())
                    && q.end().isBefore(end); q = next(q)) {
                Instant closed = q.end().atTime(LocalTime.of(23, 0)).atZone(MasmTimeZone.zone()).toInstant();
                String status = statusAt(changes.get(id), closed);
                boolean inForce = "ACTIVE".equals(status) || "EXPIRED".equals(status);
                int expected = inForce ? 1 : 0;
                int actual = reports.getOrDefault(id + "|" + q.year() + "|" + q.quarter(), 0);
                if (actual != expected) {
                    violations.add(new SimulationResult.Violation(ONE_REPORT_PER_QUARTER, number + "_" + q,
                            actual + " rapport(s) pour " + q + " (statut à la clôture du trimestre : " + status
                                    + ", attendu : " + expected + ")"));
                }
            }
        });
        return violations;
    }

    private static Quarter next(Quarter q) {
        return Quarter.containing(q.end().plusDays(1));
    }

    private static String statusAt(List<Object[]> changes, Instant at) {
        String status = null;
        if (changes != null) {
            for (Object[] change : changes) {
                if (((Instant) change[0]).isAfter(at)) {
                    break;
                }
                status = (String) change[1];
            }
        }
        return status;
    }

    List<SimulationResult.Violation> noSanctionForCompliantReports() {
        return jdbc.query("select business_key, sanction, indicators_reported, indicators_expected from quarterly_report "
                        + "where status = 'RECEIVED' and timeliness = 'ON_TIME' and indicators_reported >= indicators_expected "
                        + "and sanction is not null and sanction <> 'NONE' order by business_key",
                (rs, i) -> new SimulationResult.Violation(SANCTION_ON_COMPLIANT_REPORT, rs.getString(1),
                        "rapport reçu à temps, " + rs.getInt(3) + "/" + rs.getInt(4) + " indicateurs, sanction "
                                + rs.getString(2)));
    }

    /** A held review's departmental report counts every report of its half-year received before the review. */
    List<SimulationResult.Violation> reviewsCountTheirHalfYear() {
        List<SimulationResult.Violation> violations = new ArrayList<>();
        // "held" is the moment the clerk completed Task_HoldDepartmentalReview, when the figures froze
        // (review_report.frozen_at); the heldOn date typed in the form may be earlier or later that day
        jdbc.query("select r.business_key, r.department, r.half_year_key, r.held_on, rr.reports_received, rr.frozen_at "
                + "from departmental_review r left join review_report rr on rr.scope = 'DEPARTMENT' "
                + "and rr.report_key = r.business_key "
                + "where r.status = 'HELD' and r.held_on is not null order by r.business_key", rs -> {
            HalfYear halfYear = HalfYear.parse(rs.getString(3));
            LocalDate heldOn = rs.getDate(4).toLocalDate();
            Number counted = (Number) rs.getObject(5);
            Timestamp frozenAt = rs.getTimestamp(6);
            Timestamp heldAt = frozenAt != null ? frozenAt
                    : Timestamp.from(heldOn.plusDays(1).atStartOfDay(MasmTimeZone.zone()).toInstant());
            Long received = jdbc.queryForObject("select count(*) from quarterly_report where department = ? "
                            + "and status = 'RECEIVED' and period_start >= ? and period_end <= ? and settled_at <= ?",
                    Long.class, rs.getString(2), halfYear.start(), halfYear.end(), heldAt);
            long expected = received == null ? 0 : received;
            if (counted == null || counted.longValue() < expected) {
                violations.add(new SimulationResult.Violation(REVIEW_COUNTS_HALF_YEAR, rs.getString(1),
                        "revue tenue le " + heldOn + " : " + (counted == null ? "aucun rapport départemental"
                                : counted + " rapport(s) compté(s)") + " sur " + expected + " reçu(s) pour " + halfYear));
            }
        });
        return violations;
    }

    List<SimulationResult.Violation> noIncidents() {
        List<SimulationResult.Violation> violations = new ArrayList<>();
        for (HistoricIncident incident : historyService.createHistoricIncidentQuery().list()) {
            violations.add(new SimulationResult.Violation(NO_INCIDENT, incident.getProcessInstanceId(),
                    incident.getActivityId() + " : " + incident.getIncidentMessage()));
        }
        return violations;
    }

    List<SimulationResult.Violation> uniqueConventionNumbers() {
        return jdbc.query("select number, count(*) from convention group by number having count(*) > 1",
                (rs, i) -> new SimulationResult.Violation(UNIQUE_CONVENTION_NUMBER, rs.getString(1),
                        rs.getInt(2) + " conventions portent ce numéro"));
    }
}
