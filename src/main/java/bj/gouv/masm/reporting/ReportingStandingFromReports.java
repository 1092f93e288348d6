package bj.gouv.masm.reporting;

import bj.gouv.masm.conventions.ReportingStanding;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A partner is in good standing on its reporting (an input of RenewalDecision) when its latest
 * settled quarterly report ended no streak: neither a missed quarter nor incomplete indicators.
 * A partner with no settled report yet owes nothing and is in good standing.
 */
@Component
@RequiredArgsConstructor
public class ReportingStandingFromReports implements ReportingStanding {

    private final JdbcTemplate jdbc;

    @Override
    public boolean isInGoodStanding(Long partnerId) {
        List<int[]> latest = jdbc.query("""
                select coalesce(consecutive_missed, 0) as missed, coalesce(consecutive_incomplete, 0) as incomplete
                from quarterly_report
                where partner_id = ? and status in ('RECEIVED', 'MISSED')
                order by period_end desc, id desc""",
                (rs, i) -> new int[] {rs.getInt("missed"), rs.getInt("incomplete")}, partnerId);
        if (latest.isEmpty()) {
            return true;
        }
        return latest.get(0)[0] == 0 && latest.get(0)[1] == 0;
    }
}
