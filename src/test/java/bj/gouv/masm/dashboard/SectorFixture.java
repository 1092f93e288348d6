package bj.gouv.masm.dashboard;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data for the dashboard: partners, conventions, quarterly reports and activities with unique
 * names, numbers and keys (a run id), so tests stay independent of each other and of other features.
 */
public class SectorFixture {

    public final String run = UUID.randomUUID().toString().substring(0, 8);
    private final PartnerRepository partners;
    private final ConventionRepository conventions;
    private final JdbcTemplate jdbc;
    private int sequence;

    public SectorFixture(PartnerRepository partners, ConventionRepository conventions, JdbcTemplate jdbc) {
        this.partners = partners;
        this.conventions = conventions;
        this.jdbc = jdbc;
    }

    public Partner partner(String name, PartnerKind kind, String headOffice, Set<String> departments,
                           Set<String> domains, Set<String> targetGroups, Set<String> subSectors, boolean nationwide) {
        Partner p = new Partner(name + " " + run + "-" + (++sequence), kind,
                kind == PartnerKind.PTF ? "MULTILATERAL" : "NATIONAL_NGO");
        p.setAcronym(null);
        p.setHeadOfficeDepartment(headOffice);
        p.setDepartments(departments);
        p.setDomains(domains);
        p.setTargetGroups(targetGroups);
        p.setSubSectors(subSectors);
        p.setNationwide(nationwide);
        p.setRegistrationNumber("T-" + run + "-" + sequence);
        p.touch("test", OffsetDateTime.now());
        return partners.saveAndFlush(p);
    }

    public Partner osc(String department, String domain, String targetGroup) {
        return partner("Association", PartnerKind.OSC, department, Set.of(department), Set.of(domain),
                Set.of(targetGroup), Set.of("SOCIAL_AFFAIRS"), false);
    }

    public Convention convention(Partner partner, ConventionStatus status, LocalDate start, int months) {
        String number = "CONV-T" + run + String.format("%04d", ++sequence);
        LocalDate end = start.plusMonths(months).minusDays(1);
        Convention c = new Convention(number, partner.getId(), partner.getHeadOfficeDepartment(), start, months, start,
                end, start.plusMonths(months / 2), end.minusMonths(3));
        c.setStatus(status);
        c.touch("test", OffsetDateTime.now());
        return conventions.saveAndFlush(c);
    }

    /** A quarterly report of the convention (status RECEIVED/OPEN/MISSED, timeliness ON_TIME/LATE/MISSED or null). */
    public long report(Convention convention, String department, int year, int quarter, String status,
                       String timeliness) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.update("""
                insert into quarterly_report (business_key, convention_id, convention_number, partner_id, department,
                    report_year, report_quarter, period_start, period_end, status, timeliness, created_at, created_by,
                    updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, 'test')""",
                convention.getNumber() + "_" + year + "-Q" + quarter, convention.getId(), convention.getNumber(),
                convention.getPartnerId(), department, year, quarter, start, start.plusMonths(3).minusDays(1), status,
                timeliness, now, now);
        return jdbc.queryForObject("select id from quarterly_report where business_key = ?", Long.class,
                convention.getNumber() + "_" + year + "-Q" + quarter);
    }

    public long activity(long reportId, Long partnerId, String department, String commune, String domain,
                         String targetGroup, LocalDate start, LocalDate end, long budget) {
        jdbc.update("""
                insert into report_activity (report_id, partner_id, department, commune, domain, target_group,
                    description, start_date, end_date, budget_xof, beneficiaries, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')""",
                reportId, partnerId, department, commune, domain, targetGroup,
                "Activité " + run + " " + domain + " à " + commune, start, end, budget, 100L, OffsetDateTime.now());
        return jdbc.queryForObject("select max(id) from report_activity where report_id = ?", Long.class, reportId);
    }
}
