package bj.gouv.masm.funding;

import bj.gouv.masm.reporting.ReportingReadQueries;
import bj.gouv.masm.reporting.ReportingReadQueries.OverlappingActivities;
import bj.gouv.masm.reporting.ReportingReadQueries.PartnerActivity;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-side queries on the activities PTFs fund ({@code funded_activity}) for the features above funding
 * (dashboard): they call these instead of reading our table. A query may join the tables of the features
 * funding builds on (reporting's activities, partners), read only.
 */
@Service
@RequiredArgsConstructor
public class FundingReadQueries {

    /** A department and domain where a PTF funds an activity. */
    public record FundedCell(long partnerId, String department, String domain) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    /** Department/domain cells of the activities each PTF funds running at some time from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public List<FundedCell> fundedCells(LocalDate from, LocalDate to) {
        return jdbc.query("select partner_id, department, domain from funded_activity "
                        + "where start_date <= :to and end_date >= :from",
                new MapSqlParameterSource().addValue("from", from).addValue("to", to),
                (rs, i) -> new FundedCell(rs.getLong(1), rs.getString(2), rs.getString(3)));
    }

    /** The funded activities of these ids, with their funder (amount as budget, no beneficiaries). */
    @Transactional(readOnly = true)
    public List<PartnerActivity> activities(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query(ReportingReadQueries.activityQuery("funded_activity", "a.amount_xof", "cast(null as bigint)"),
                new MapSqlParameterSource("ids", ids), ReportingReadQueries.ACTIVITY_ROW);
    }

    /**
     * A funded activity ({@code a}) against the reported activities ({@code b}) of another partner in the same
     * commune, domain and target group over a common period; never against the activities of its own
     * implementing partner (the OSC reporting the very activity the PTF funds).
     */
    @Transactional(readOnly = true)
    public List<OverlappingActivities> overlappingReportedActivities() {
        return jdbc.query(ReportingReadQueries.overlapQuery("funded_activity", "report_activity",
                "and (a.implementing_partner_id is null or a.implementing_partner_id <> b.partner_id)", ""),
                ReportingReadQueries.OVERLAP_ROW);
    }

    /** Two funded activities of different funders (same implementing partner included: double funding). */
    @Transactional(readOnly = true)
    public List<OverlappingActivities> overlappingFundedActivities() {
        return jdbc.query(ReportingReadQueries.overlapQuery("funded_activity", "funded_activity", "and b.id > a.id", ""),
                ReportingReadQueries.OVERLAP_ROW);
    }
}
