package bj.gouv.masm.reporting;

import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.ConventionTerms;
import bj.gouv.masm.partners.ActiveInDepartment;
import bj.gouv.masm.reviews.DepartmentalConsolidation;
import bj.gouv.masm.reviews.HalfYear;
import bj.gouv.masm.reviews.ReviewFigures;
import bj.gouv.masm.reviews.ReviewQuarter;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reporting feature's answer to the reviews' {@link DepartmentalConsolidation} (the reviews read no
 * table of ours): the query layer of the departmental consolidation: plain SQL over the conventions (V10), the
 * partners (V2) and the quarterly reporting tables (quarterly_report, report_activity). All rules
 * of "what counts" for a department's half-year are here:
 * <ul>
 * <li>conventions in force: validity period overlaps the half-year, status any but REVOKED (a revoked
 * one lost its accreditation; both rules of {@code conventions.ConventionTerms}); a convention counts for its
 * department, a convention without department (PTF followed centrally) for every department the
 * partner is active in ({@code partners.ActiveInDepartment}: nationwide, head office or intervention);</li>
 * <li>reports: the quarterly reports of the department for the half-year's two quarters (expected =
 * all, received, on time, late, missed) and their sanctions (warnings, revocations proposed and
 * confirmed);</li>
 * <li>activities: those carried out in the department (activity's own department) reported for the
 * half-year's quarters, with beneficiaries and budget (XOF), by domain and by target group.</li>
 * </ul>
 * Without the reporting tables (a deployment without the reporting feature) the report figures are
 * zero and {@code reportingDataAvailable} is false.
 */
@Component
@RequiredArgsConstructor
public class DepartmentalConsolidationQueries implements DepartmentalConsolidation {

    private static final String CONVENTIONS_OF_DEPARTMENT = " from convention c join partner p on p.id = c.partner_id "
            + "where " + ConventionTerms.runsDuringSql("c", "?", "?") + " and %s "
            + "and (c.department = ? or (c.department is null and " + ActiveInDepartment.sql("p", "?") + ")) ";

    private final JdbcTemplate jdbc;

    @Override
    public ReviewFigures consolidate(String department, HalfYear halfYear) {
        Map<String, Object> conventions = jdbc.queryForMap("select count(distinct c.id) as conventions, "
                        + "count(distinct c.partner_id) as partners " + conventionsOf(ConventionTerms.heldSql("c")),
                conventionArgs(department, halfYear));
        int activeConventions = number(conventions.get("conventions")).intValue();
        int partners = number(conventions.get("partners")).intValue();
        if (!reportingTablesExist()) {
            return new ReviewFigures(activeConventions, partners, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, List.of());
        }
        Map<String, Object> reports = jdbc.queryForMap("""
                select count(*) as expected,
                  coalesce(sum(case when status = 'RECEIVED' then 1 else 0 end), 0) as received,
                  coalesce(sum(case when timeliness = 'ON_TIME' then 1 else 0 end), 0) as on_time,
                  coalesce(sum(case when timeliness = 'LATE' then 1 else 0 end), 0) as late,
                  coalesce(sum(case when status = 'MISSED' then 1 else 0 end), 0) as missed,
                  coalesce(sum(case when sanction = 'WARNING' then 1 else 0 end), 0) as warnings,
                  coalesce(sum(case when sanction = 'REVOCATION_PROPOSED' then 1 else 0 end), 0) as proposed,
                  coalesce(sum(case when revocation_decision = 'CONFIRMED' then 1 else 0 end), 0) as confirmed
                from quarterly_report
                where department = ? and report_year = ? and report_quarter between ? and ?
                """, department, halfYear.year(), halfYear.firstQuarter(), halfYear.lastQuarter());
        List<ReviewFigures.Line> lines = new ArrayList<>();
        lines.addAll(activityLines(ReviewFigures.DOMAIN, "a.domain", department, halfYear));
        lines.addAll(activityLines(ReviewFigures.TARGET_GROUP, "a.target_group", department, halfYear));
        int activities = 0;
        long beneficiaries = 0;
        long budget = 0;
        for (ReviewFigures.Line line : lines) {
            if (line.dimension().equals(ReviewFigures.DOMAIN)) {
                activities += line.activities();
                beneficiaries += line.beneficiaries();
                budget += line.budgetXof();
            }
        }
        return new ReviewFigures(activeConventions, partners,
                number(reports.get("expected")).intValue(), number(reports.get("received")).intValue(),
                number(reports.get("on_time")).intValue(), number(reports.get("late")).intValue(),
                number(reports.get("missed")).intValue(), activities, beneficiaries, budget,
                number(reports.get("warnings")).intValue(), number(reports.get("proposed")).intValue(),
                number(reports.get("confirmed")).intValue(), true, lines);
    }

    /**
     * Per quarter of the half-year: reports expected, received, missed and still awaited. Awaited = the
     * department's reports still open, plus, for a quarter not opened yet (no report anywhere), the OSC
     * conventions that will report for it (ACTIVE or EXPIRED, running during the quarter, followed by
     * the department's CPS).
     */
    @Override
    public List<ReviewQuarter> quarters(String department, HalfYear halfYear) {
        List<ReviewQuarter> quarters = new ArrayList<>();
        if (!reportingTablesExist()) {
            return quarters;
        }
        for (int q = halfYear.firstQuarter(); q <= halfYear.lastQuarter(); q++) {
            Map<String, Object> row = jdbc.queryForMap("""
                    select coalesce(sum(case when status = 'RECEIVED' then 1 else 0 end), 0) as received,
                      coalesce(sum(case when status = 'MISSED' then 1 else 0 end), 0) as missed,
                      coalesce(sum(case when status = 'OPEN' then 1 else 0 end), 0) as open
                    from quarterly_report where department = ? and report_year = ? and report_quarter = ?
                    """, department, halfYear.year(), q);
            java.time.LocalDate start = java.time.LocalDate.of(halfYear.year(), 3 * q - 2, 1);
            java.time.LocalDate end = start.plusMonths(3).minusDays(1);
            Integer notOpened = jdbc.queryForObject("""
                    select count(*) from convention c join partner p on p.id = c.partner_id
                    where p.kind = 'OSC' and %s
                      and coalesce(c.department, p.head_office_department) = ?
                      and not exists (select 1 from quarterly_report r where r.report_year = ? and r.report_quarter = ?)
                    """.formatted(ConventionService.reportsDuringSql("c", "?", "?")),
                    Integer.class, Date.valueOf(end), Date.valueOf(start), department, halfYear.year(), q);
            int received = number(row.get("received")).intValue();
            int missed = number(row.get("missed")).intValue();
            int awaited = number(row.get("open")).intValue() + (notOpened == null ? 0 : notOpened);
            quarters.add(new ReviewQuarter(halfYear.year() + "-Q" + q, received + missed + awaited, received, missed, awaited));
        }
        return quarters;
    }

    /**
     * Conventions in force nationally during the half-year (each counted once, even when a partner
     * works in several departments): {@code [conventions, partners]}.
     */
    @Override
    public int[] nationalConventions(HalfYear halfYear) {
        Map<String, Object> row = jdbc.queryForMap("select count(distinct c.id) as conventions, "
                + "count(distinct c.partner_id) as partners from convention c "
                + "where " + ConventionTerms.runsDuringSql("c", "?", "?") + " and " + ConventionTerms.heldSql("c"),
                Date.valueOf(halfYear.end()), Date.valueOf(halfYear.start()));
        return new int[] {number(row.get("conventions")).intValue(), number(row.get("partners")).intValue()};
    }

    /** Partners invited by default: every partner with an ACTIVE convention in force in the department. */
    @Override
    public List<Long> partnersWithActiveConvention(String department, HalfYear halfYear) {
        return jdbc.queryForList("select distinct c.partner_id " + conventionsOf("c.status = 'ACTIVE'")
                + " order by c.partner_id", Long.class, conventionArgs(department, halfYear));
    }

    private List<ReviewFigures.Line> activityLines(String dimension, String column, String department,
                                                   HalfYear halfYear) {
        return jdbc.query("select " + column + " as code, count(*) as activities, "
                        + "coalesce(sum(a.beneficiaries), 0) as beneficiaries, coalesce(sum(a.budget_xof), 0) as budget "
                        + "from report_activity a join quarterly_report r on r.id = a.report_id "
                        + "where a.department = ? and r.report_year = ? and r.report_quarter between ? and ? "
                        + "group by " + column + " order by " + column,
                (rs, i) -> new ReviewFigures.Line(dimension, rs.getString("code"), rs.getInt("activities"),
                        rs.getLong("beneficiaries"), rs.getLong("budget")),
                department, halfYear.year(), halfYear.firstQuarter(), halfYear.lastQuarter());
    }

    private static String conventionsOf(String statusSql) {
        return CONVENTIONS_OF_DEPARTMENT.formatted(statusSql);
    }

    private static Object[] conventionArgs(String department, HalfYear halfYear) {
        return new Object[] {Date.valueOf(halfYear.end()), Date.valueOf(halfYear.start()), department, department,
                department};
    }

    boolean reportingTablesExist() {
        Integer count = jdbc.queryForObject("select count(*) from information_schema.tables "
                + "where lower(table_name) in ('quarterly_report', 'report_activity')", Integer.class);
        return count != null && count >= 2;
    }

    private static Number number(Object value) {
        return value == null ? 0 : (Number) value;
    }
}
