package bj.gouv.masm.dashboard;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo-like sector data for the browser test and the benchmark, shaped like the source's survey:
 * about 70 % OSC, activity concentrated in Borgou, Alibori, Plateau, Zou and Collines, about 20 % of
 * partners with a convention in force, GBV and child protection the largest domains, elderly and
 * disabled people rarely targeted; quarterly reports and activities for the partners with a convention.
 * Names carry a run id, so it can be loaded next to any other data.
 */
public class DemoSectorData {

    static final String[] DEPARTMENTS = {"BORGOU", "BORGOU", "BORGOU", "ALIBORI", "ALIBORI", "PLATEAU", "PLATEAU",
            "ZOU", "ZOU", "COLLINES", "COLLINES", "LITTORAL", "LITTORAL", "ATLANTIQUE", "OUEME", "DONGA", "ATACORA",
            "MONO", "COUFFO"};
    static final String[] DOMAINS = {"WOMEN_EMPOWERMENT_GBV", "WOMEN_EMPOWERMENT_GBV", "WOMEN_EMPOWERMENT_GBV",
            "CHILD_PROTECTION", "CHILD_PROTECTION", "CHILD_PROTECTION", "SOCIAL_PROTECTION", "FAMILY",
            "GENDER_EQUALITY", "DISABILITY", "ELDERLY", "FINANCIAL_INCLUSION", "MICROFINANCE", "HUMANITARIAN",
            "PSYCHOSOCIAL"};
    static final String[] TARGETS = {"WOMEN", "WOMEN", "WOMEN", "GIRLS", "GIRLS", "CHILDREN", "CHILDREN", "CHILDREN",
            "ELDERLY", "DISABLED"};
    static final String[][] PLACES = {{"BORGOU", "Parakou"}, {"BORGOU", "Nikki"}, {"ALIBORI", "Kandi"},
            {"PLATEAU", "Pobè"}, {"ZOU", "Abomey"}, {"COLLINES", "Dassa-Zoumè"}, {"LITTORAL", "Cotonou"},
            {"ATLANTIQUE", "Ouidah"}, {"OUEME", "Porto-Novo"}, {"DONGA", "Djougou"}, {"ATACORA", "Natitingou"},
            {"MONO", "Lokossa"}, {"COUFFO", "Aplahoué"}};

    public final String run = UUID.randomUUID().toString().substring(0, 6);
    private final PartnerRepository partners;
    private final ConventionRepository conventions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public DemoSectorData(PartnerRepository partners, ConventionRepository conventions, JdbcTemplate jdbc,
                          TransactionTemplate transactions) {
        this.partners = partners;
        this.conventions = conventions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Loads {@code partnerCount} partners and {@code activityCount} activities; returns the activity count. */
    public int load(int partnerCount, int activityCount) {
        Random random = new Random(691);
        OffsetDateTime now = OffsetDateTime.now();
        LocalDate today = LocalDate.now();
        List<Partner> saved = transactions.execute(tx -> {
            List<Partner> list = new ArrayList<>();
            for (int i = 0; i < partnerCount; i++) {
                boolean osc = random.nextDouble() < 0.7;
                Partner p = new Partner((osc ? "ONG Espoir " : "Programme d'appui ") + run + " n° " + i,
                        osc ? PartnerKind.OSC : PartnerKind.PTF, osc ? "NATIONAL_NGO" : "BILATERAL_AGENCY");
                String department = DEPARTMENTS[random.nextInt(DEPARTMENTS.length)];
                boolean nationwide = random.nextDouble() < 0.25;
                p.setHeadOfficeDepartment(osc ? department : "LITTORAL");
                Set<String> departments = new TreeSet<>(Set.of(department));
                if (random.nextBoolean()) {
                    departments.add(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
                }
                p.setDepartments(departments);
                p.setNationwide(nationwide);
                Set<String> domains = new TreeSet<>(Set.of(DOMAINS[random.nextInt(DOMAINS.length)]));
                if (random.nextBoolean()) {
                    domains.add(DOMAINS[random.nextInt(DOMAINS.length)]);
                }
                p.setDomains(domains);
                p.setTargetGroups(Set.of(TARGETS[random.nextInt(TARGETS.length)]));
                p.setSubSectors(random.nextDouble() < 0.08 ? Set.of("SOCIAL_AFFAIRS", "MICROFINANCE")
                        : Set.of("SOCIAL_AFFAIRS"));
                p.setRegistrationNumber("DEMO-" + run + "-" + i);
                p.touch("demo", now);
                list.add(p);
            }
            return partners.saveAll(list);
        });
        List<long[]> reports = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            int n = 0;
            for (Partner p : saved) {
                double r = random.nextDouble();
                if (r > 0.25) {
                    continue;
                }
                ConventionStatus status = r < 0.2 ? ConventionStatus.ACTIVE : ConventionStatus.EXPIRED;
                LocalDate start = status == ConventionStatus.ACTIVE ? today.minusMonths(3 + random.nextInt(12))
                        : today.minusYears(3);
                Convention c = new Convention("CONV-D" + run + String.format("%04d", n++), p.getId(),
                        p.getHeadOfficeDepartment(), start, 24, start, start.plusMonths(24).minusDays(1),
                        start.plusMonths(12), start.plusMonths(21));
                c.setStatus(status);
                c.touch("demo", now);
                conventions.save(c);
                conventions.flush();
                if (p.getKind() == PartnerKind.OSC) {
                    for (int back = 1; back <= 4; back++) {
                        LocalDate q = today.minusMonths(3L * back);
                        int quarter = (q.getMonthValue() - 1) / 3 + 1;
                        LocalDate qStart = LocalDate.of(q.getYear(), (quarter - 1) * 3 + 1, 1);
                        double s = random.nextDouble();
                        String state = s < 0.55 ? "RECEIVED" : s < 0.7 ? "RECEIVED" : "MISSED";
                        String timeliness = s < 0.55 ? "ON_TIME" : s < 0.7 ? "LATE" : "MISSED";
                        jdbc.update("""
                                insert into quarterly_report (business_key, convention_id, convention_number, partner_id,
                                    department, report_year, report_quarter, period_start, period_end, status, timeliness,
                                    created_at, created_by, updated_at, updated_by)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', ?, 'demo')""",
                                c.getNumber() + "_" + q.getYear() + "-Q" + quarter, c.getId(), c.getNumber(), p.getId(),
                                p.getHeadOfficeDepartment(), q.getYear(), quarter, qStart, qStart.plusMonths(3).minusDays(1),
                                state, timeliness, now, now);
                        reports.add(new long[] {jdbc.queryForObject("select id from quarterly_report where business_key = ?",
                                Long.class, c.getNumber() + "_" + q.getYear() + "-Q" + quarter), p.getId(), qStart.toEpochDay()});
                    }
                }
            }
        });
        if (reports.isEmpty()) {
            return 0;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < activityCount; i++) {
            long[] report = reports.get(random.nextInt(reports.size()));
            LocalDate qStart = LocalDate.ofEpochDay(report[2]);
            LocalDate start = qStart.plusDays(random.nextInt(60));
            String[] place = PLACES[random.nextInt(PLACES.length)];
            rows.add(new Object[] {report[0], report[1], place[0], place[1],
                    DOMAINS[random.nextInt(DOMAINS.length)], TARGETS[random.nextInt(TARGETS.length)],
                    "Activité de démonstration " + run + " n° " + i, start, start.plusDays(random.nextInt(30)),
                    100_000L * (1 + random.nextInt(50)), (long) random.nextInt(500), now});
        }
        transactions.executeWithoutResult(tx -> jdbc.batchUpdate("""
                insert into report_activity (report_id, partner_id, department, commune, domain, target_group,
                    description, start_date, end_date, budget_xof, beneficiaries, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')""", rows));
        return rows.size();
    }
}
