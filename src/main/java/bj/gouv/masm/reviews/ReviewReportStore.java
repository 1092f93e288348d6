package bj.gouv.masm.reviews;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores and reads the half-year reports (review_report, its lines and its quarters). A departmental
 * report is refreshed until its review is held, then frozen; a national one is written once.
 */
@Repository
@RequiredArgsConstructor
public class ReviewReportStore {

    private final JdbcTemplate jdbc;

    public long insert(String scope, String key, String department, HalfYear halfYear, ReviewFigures f,
                       Integer departmentsCount, OffsetDateTime now, String actor) {
        return insert(scope, key, department, halfYear, f, List.of(), departmentsCount, now, actor);
    }

    public long insert(String scope, String key, String department, HalfYear halfYear, ReviewFigures f,
                       List<ReviewQuarter> quarters, Integer departmentsCount, OffsetDateTime now, String actor) {
        GeneratedKeyHolder holder = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("""
                    insert into review_report (scope, report_key, department, half_year_key, period_start, period_end,
                      active_conventions, partners_with_convention, reports_expected, reports_received, reports_on_time,
                      reports_late, reports_missed, activities, beneficiaries, budget_spent_xof, warnings,
                      revocations_proposed, revocations_confirmed, reporting_data_available, departments_count,
                      created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, new String[] {"id"});
            int i = 1;
            ps.setString(i++, scope);
            ps.setString(i++, key);
            ps.setString(i++, department);
            ps.setString(i++, halfYear.toString());
            ps.setDate(i++, Date.valueOf(halfYear.start()));
            ps.setDate(i++, Date.valueOf(halfYear.end()));
            ps.setInt(i++, f.activeConventions());
            ps.setInt(i++, f.partnersWithConvention());
            ps.setInt(i++, f.reportsExpected());
            ps.setInt(i++, f.reportsReceived());
            ps.setInt(i++, f.reportsOnTime());
            ps.setInt(i++, f.reportsLate());
            ps.setInt(i++, f.reportsMissed());
            ps.setInt(i++, f.activities());
            ps.setLong(i++, f.beneficiaries());
            ps.setLong(i++, f.budgetSpentXof());
            ps.setInt(i++, f.warnings());
            ps.setInt(i++, f.revocationsProposed());
            ps.setInt(i++, f.revocationsConfirmed());
            ps.setBoolean(i++, f.reportingDataAvailable());
            if (departmentsCount == null) {
                ps.setNull(i++, java.sql.Types.INTEGER);
            } else {
                ps.setInt(i++, departmentsCount);
            }
            ps.setObject(i++, now);
            ps.setString(i, actor);
            return ps;
        }, holder);
        long id = holder.getKey().longValue();
        insertDetails(id, f, quarters);
        jdbc.update("update review_report set refreshed_at = ? where id = ?", now, id);
        return id;
    }

    private void insertDetails(long id, ReviewFigures f, List<ReviewQuarter> quarters) {
        for (ReviewFigures.Line line : f.lines()) {
            jdbc.update("insert into review_report_line (report_id, dimension, code, activities, beneficiaries, budget_xof) "
                    + "values (?, ?, ?, ?, ?, ?)", id, line.dimension(), line.code(), line.activities(),
                    line.beneficiaries(), line.budgetXof());
        }
        for (ReviewQuarter q : quarters) {
            jdbc.update("insert into review_report_quarter (report_id, quarter_key, expected, received, missed, awaited) "
                    + "values (?, ?, ?, ?, ?, ?)", id, q.quarter(), q.expected(), q.received(), q.missed(), q.awaited());
        }
    }

    /** New figures for a report not frozen yet (the reports recorded since); a frozen report is left as is. */
    public boolean refresh(long id, ReviewFigures f, List<ReviewQuarter> quarters, OffsetDateTime now) {
        int updated = jdbc.update("""
                update review_report set active_conventions = ?, partners_with_convention = ?, reports_expected = ?,
                  reports_received = ?, reports_on_time = ?, reports_late = ?, reports_missed = ?, activities = ?,
                  beneficiaries = ?, budget_spent_xof = ?, warnings = ?, revocations_proposed = ?,
                  revocations_confirmed = ?, reporting_data_available = ?, refreshed_at = ?, version = version + 1
                where id = ? and frozen_at is null
                """, f.activeConventions(), f.partnersWithConvention(), f.reportsExpected(), f.reportsReceived(),
                f.reportsOnTime(), f.reportsLate(), f.reportsMissed(), f.activities(), f.beneficiaries(),
                f.budgetSpentXof(), f.warnings(), f.revocationsProposed(), f.revocationsConfirmed(),
                f.reportingDataAvailable(), now, id);
        if (updated == 0) {
            return false;
        }
        jdbc.update("delete from review_report_line where report_id = ?", id);
        jdbc.update("delete from review_report_quarter where report_id = ?", id);
        insertDetails(id, f, quarters);
        return true;
    }

    /** The figures as discussed: no refresh any more. */
    public void freeze(long id, OffsetDateTime now) {
        jdbc.update("update review_report set frozen_at = ? where id = ? and frozen_at is null", now, id);
    }

    public void compile(long id, String summary, OffsetDateTime now, String actor) {
        jdbc.update("update review_report set summary = ?, compiled_at = ?, compiled_by = ?, version = version + 1 "
                + "where id = ?", summary, now, actor, id);
    }

    public Optional<ReviewReport> find(String scope, String key) {
        List<ReviewReport> found = jdbc.query("select * from review_report where scope = ? and report_key = ?",
                this::map, scope, key);
        return found.stream().findFirst();
    }

    public Optional<ReviewReport> findById(long id) {
        return jdbc.query("select * from review_report where id = ?", this::map, id).stream().findFirst();
    }

    public List<ReviewReport> departmentalReportsOf(HalfYear halfYear) {
        return jdbc.query("select * from review_report where scope = 'DEPARTMENT' and half_year_key = ? "
                + "order by department", this::map, halfYear.toString());
    }

    private ReviewReport map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<ReviewFigures.Line> lines = jdbc.query("select * from review_report_line where report_id = ? "
                        + "order by dimension, code",
                (l, i) -> new ReviewFigures.Line(l.getString("dimension"), l.getString("code"), l.getInt("activities"),
                        l.getLong("beneficiaries"), l.getLong("budget_xof")), id);
        ReviewFigures figures = new ReviewFigures(rs.getInt("active_conventions"), rs.getInt("partners_with_convention"),
                rs.getInt("reports_expected"), rs.getInt("reports_received"), rs.getInt("reports_on_time"),
                rs.getInt("reports_late"), rs.getInt("reports_missed"), rs.getInt("activities"),
                rs.getLong("beneficiaries"), rs.getLong("budget_spent_xof"), rs.getInt("warnings"),
                rs.getInt("revocations_proposed"), rs.getInt("revocations_confirmed"),
                rs.getBoolean("reporting_data_available"), lines);
        int departments = rs.getInt("departments_count");
        Integer departmentsCount = rs.wasNull() ? null : departments;
        return new ReviewReport(id, rs.getString("scope"), rs.getString("report_key"), rs.getString("department"),
                rs.getString("half_year_key"), rs.getDate("period_start").toLocalDate(),
                rs.getDate("period_end").toLocalDate(), figures, departmentsCount, rs.getString("summary"),
                rs.getObject("compiled_at", OffsetDateTime.class), rs.getString("compiled_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                jdbc.query("select * from review_report_quarter where report_id = ? order by quarter_key",
                        (q, i) -> new ReviewQuarter(q.getString("quarter_key"), q.getInt("expected"), q.getInt("received"),
                                q.getInt("missed"), q.getInt("awaited")), id),
                rs.getObject("frozen_at", OffsetDateTime.class), rs.getObject("refreshed_at", OffsetDateTime.class));
    }
}
