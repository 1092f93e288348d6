package bj.gouv.masm.reporting;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-side queries on the quarterly reporting's tables ({@code quarterly_report}, {@code report_activity})
 * for the features above it (dashboard, exports): they call these instead of reading our tables. A query
 * may join the tables of the features reporting builds on (conventions, partners), read only.
 */
@Service
@RequiredArgsConstructor
public class ReportingReadQueries {

    /** Reports of a department and quarter: opened (expected), received, received on time. */
    public record QuarterCounts(String department, int year, int quarter, long expected, long received,
                                long onTime) {
    }

    /** One quarterly report, with its partner's name. */
    public record ReportRow(String businessKey, String conventionNumber, String partnerName, String department,
                            int year, int quarter, String status, String timeliness, LocalDate periodEnd) {
    }

    /** An activity reported with a quarterly report, under the report's convention. */
    public record ConventionActivity(long id, long conventionId, String department, String commune, String domain,
                                     String targetGroup, String description, LocalDate start, LocalDate end,
                                     long budget) {
    }

    /** An activity reported with a quarterly report, with its partner's name. */
    public record PartnerActivity(long id, long partnerId, String partnerName, String department, String commune,
                                  String domain, String targetGroup, String description, LocalDate start,
                                  LocalDate end, long budgetXof, Long beneficiaries) {
    }

    /**
     * Two activities of different partners reported in the same commune (hence department), domain and target
     * group whose periods overlap (bounds included), {@code a} the lower id; with the common period.
     */
    public record OverlappingActivities(long aId, long bId, long partnerAId, long partnerBId, String department,
                                        String commune, String domain, String targetGroup, LocalDate start,
                                        LocalDate end) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final QuarterlyReportRepository reports;

    /** A quarterly report by business key (read side: the other features do not use our repository). */
    public Optional<QuarterlyReport> findByBusinessKey(String businessKey) {
        return reports.findByBusinessKey(businessKey);
    }

    /** Counts per department and quarter; {@code periods} are {@code year * 10 + quarter}, department null = all. */
    @Transactional(readOnly = true)
    public List<QuarterCounts> quarterCounts(Collection<Integer> periods, String department) {
        StringBuilder sql = new StringBuilder("""
                select q.department, q.report_year, q.report_quarter, count(*),
                       sum(case when q.status = 'RECEIVED' then 1 else 0 end),
                       sum(case when q.timeliness = 'ON_TIME' then 1 else 0 end)
                from quarterly_report q where q.report_year * 10 + q.report_quarter in (:periods)""");
        MapSqlParameterSource params = new MapSqlParameterSource("periods", periods);
        if (department != null) {
            sql.append(" and q.department = :department");
            params.addValue("department", department);
        }
        sql.append(" group by q.department, q.report_year, q.report_quarter");
        return jdbc.query(sql.toString(), params, (rs, i) -> new QuarterCounts(rs.getString(1), rs.getInt(2),
                rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
    }

    /**
     * The reports of one quarter ({@code year} and {@code quarter} given) or else of the {@code periods}
     * ({@code year * 10 + quarter}); department null = all. By quarter, department, convention.
     */
    @Transactional(readOnly = true)
    public List<ReportRow> reports(Integer year, Integer quarter, Collection<Integer> periods, String department) {
        StringBuilder sql = new StringBuilder("""
                select q.business_key, q.convention_number, p.name, q.department, q.report_year, q.report_quarter,
                       q.status, q.timeliness, q.period_end
                from quarterly_report q join partner p on p.id = q.partner_id where 1 = 1""");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (year != null && quarter != null) {
            sql.append(" and q.report_year = :year and q.report_quarter = :quarter");
            params.addValue("year", year).addValue("quarter", quarter);
        } else {
            sql.append(" and q.report_year * 10 + q.report_quarter in (:periods)");
            params.addValue("periods", periods);
        }
        if (department != null) {
            sql.append(" and q.department = :department");
            params.addValue("department", department);
        }
        sql.append(" order by q.report_year, q.report_quarter, q.department, q.convention_number");
        return jdbc.query(sql.toString(), params, (rs, i) -> new ReportRow(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, LocalDate.class)));
    }

    /** Every reported activity with its report's convention, by start date. */
    @Transactional(readOnly = true)
    public List<ConventionActivity> activitiesByConvention() {
        return jdbc.query("""
                select a.id, q.convention_id, a.department, a.commune, a.domain, a.target_group, a.description,
                       a.start_date, a.end_date, a.budget_xof
                from report_activity a join quarterly_report q on q.id = a.report_id order by a.start_date, a.id""",
                (rs, i) -> new ConventionActivity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), rs.getLong(10)));
    }

    /** The reported activities of these ids, with their partner. */
    @Transactional(readOnly = true)
    public List<PartnerActivity> activities(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(activityQuery("report_activity", "a.budget_xof", "a.beneficiaries"),
                new MapSqlParameterSource("ids", ids), ACTIVITY_ROW);
    }

    /** The activities of {@code table} whose id is in {@code :ids}, with their partner, read by {@link #ACTIVITY_ROW}. */
    public static String activityQuery(String table, String budget, String beneficiaries) {
        return """
                select a.id, a.partner_id, p.name, a.department, a.commune, a.domain, a.target_group, a.description,
                       a.start_date, a.end_date, %s, %s
                from %s a join partner p on p.id = a.partner_id where a.id in (:ids)
                """.formatted(budget, beneficiaries, table);
    }

    public static final RowMapper<PartnerActivity> ACTIVITY_ROW = (rs, i) -> new PartnerActivity(rs.getLong(1),
            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getLong(11),
            rs.getObject(12, Long.class));

    /**
     * The query of overlapping activities of different partners: {@code a} from {@code aTable}, {@code b} from
     * {@code bTable}, same commune, department, domain and target group, periods overlapping (bounds
     * included); {@code extra} adds join conditions, {@code where} a filter (or "").
     */
    public static String overlapQuery(String aTable, String bTable, String extra, String where) {
        return """
                select a.id, b.id, a.partner_id, b.partner_id, a.department, a.commune, a.domain, a.target_group,
                       greatest(a.start_date, b.start_date), least(a.end_date, b.end_date)
                from %s a
                join %s b
                  on b.commune = a.commune and b.department = a.department and b.domain = a.domain
                 and b.target_group = a.target_group and b.partner_id <> a.partner_id %s
                 and b.start_date <= a.end_date and a.start_date <= b.end_date
                %s""".formatted(aTable, bTable, extra, where);
    }

    /** Reads a row of {@link #overlapQuery}. */
    public static final RowMapper<OverlappingActivities> OVERLAP_ROW = (rs, i) -> new OverlappingActivities(
            rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
            rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class));

    /** Every pair of overlapping reported activities (activities without a commune are not compared). */
    @Transactional(readOnly = true)
    public List<OverlappingActivities> overlappingActivities() {
        return jdbc.query(overlapQuery("report_activity", "report_activity", "and b.id > a.id",
                "where a.commune is not null"), OVERLAP_ROW);
    }
}
