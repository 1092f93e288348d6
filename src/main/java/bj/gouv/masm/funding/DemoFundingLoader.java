package bj.gouv.masm.funding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: PTF declarations, so the overlap list and the DPAF's Tasklist show PTF accountability on
 * first start. Into an empty funded_activity table, DPAF records two or three funded activities for the first
 * PTFs — some on the place, domain, target group and period of an activity an OSC reported (a possible double
 * funding, flagged by the dashboard's detection run next, DemoOverlapDetection) — then the declarations of the year are asked of the PTFs
 * with a convention (one DPAF task each).
 */
@Component
@ConditionalOnProperty(name = "masm.demo.data-enabled", havingValue = "true")
@RequiredArgsConstructor
public class DemoFundingLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoFundingLoader.class);
    private static final String[] DESCRIPTIONS = {"Transferts monétaires aux ménages vulnérables (démo)",
            "Prise en charge des survivantes de VBG (démo)", "Appui aux centres de promotion sociale (démo)",
            "Groupements de femmes et microcrédit (démo)"};

    private final FundedActivityService activities;
    private final PtfDeclarationService declarations;
    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    @Order(50) // after the demo reports (40): their activities are what PTF funding may overlap
    public void load() {
        Integer existing = jdbc.queryForObject("select count(*) from funded_activity", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        List<Long> ptfs = jdbc.queryForList("""
                select p.id from partner p where p.kind = 'PTF'
                order by case when exists (select 1 from convention c where c.partner_id = p.id) then 0 else 1 end, p.id""",
                Long.class).stream().limit(12).toList();
        List<Map<String, Object>> reported = jdbc.queryForList("select partner_id, department, commune, domain, target_group, "
                + "start_date, end_date from report_activity where commune is not null order by id");
        List<Map<String, Object>> communes = jdbc.queryForList("select department, name from ref_commune order by department, name");
        if (ptfs.isEmpty() || communes.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int recorded = 0;
        identityService.setAuthentication("dpaf.agent", List.of("dpaf"));
        try {
            for (int i = 0; i < ptfs.size(); i++) {
                for (int j = 0; j < 2 + i % 2; j++) {
                    int n = i * 3 + j;
                    FundedActivityService.FundedActivityRequest request;
                    if (j == 0 && i < reported.size() && i % 2 == 0) {
                        Map<String, Object> r = reported.get(i * 3 % reported.size());
                        request = new FundedActivityService.FundedActivityRequest(DESCRIPTIONS[n % DESCRIPTIONS.length],
                                (String) r.get("department"), (String) r.get("commune"), (String) r.get("domain"),
                                (String) r.get("target_group"), date(r.get("start_date")).minusMonths(1),
                                date(r.get("end_date")).plusMonths(6), 25_000_000L + 5_000_000L * n,
                                i % 4 == 0 ? null : ((Number) r.get("partner_id")).longValue());
                    } else {
                        Map<String, Object> c = communes.get((n * 7) % communes.size());
                        request = new FundedActivityService.FundedActivityRequest(DESCRIPTIONS[n % DESCRIPTIONS.length],
                                (String) c.get("department"), (String) c.get("name"),
                                n % 2 == 0 ? "SOCIAL_PROTECTION" : "WOMEN_EMPOWERMENT_GBV", n % 2 == 0 ? "CHILDREN" : "WOMEN",
                                today.withDayOfYear(1), today.withDayOfYear(1).plusYears(1).minusDays(1),
                                10_000_000L + 2_500_000L * n, null);
                    }
                    activities.record(ptfs.get(i), request);
                    recorded++;
                }
            }
        } finally {
            identityService.clearAuthentication();
        }
        int asked = declarations.openYear(today.getYear(), PtfDeclarationService.DEFAULT_DECLARATION_PERIOD).opened().size();
        log.info("Demo PTF funding: {} funded activities, {} declaration(s) asked", recorded, asked);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }
}
