package bj.gouv.masm.dashboard;

import bj.gouv.masm.conventions.ConventionTerms;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who does what where: partner counts by kind, sub-sector, domain, target group and department with
 * the share holding a convention in force, the department × domain matrix and the coverage gaps.
 * Partners are read in six bulk queries and filtered in memory with {@link PartnerFacts#matches}, the
 * same predicate the partner list uses, so every figure equals the length of the list it links to.
 */
@Service
public class SectorFigures {

    /** Departments and target groups the source names as under-served. */
    public static final Set<String> NAMED_GAP_DEPARTMENTS = Set.of("ATACORA", "MONO", "COUFFO");
    public static final Set<String> NAMED_GAP_TARGET_GROUPS = Set.of("ELDERLY", "DISABLED");
    public static final String NATIONWIDE = "NATIONAL";

    private final NamedParameterJdbcTemplate jdbc;
    private final ReferenceDataService reference;
    private final Clock clock;

    public SectorFigures(NamedParameterJdbcTemplate jdbc, ReferenceDataService reference, Clock clock) {
        this.jdbc = jdbc;
        this.reference = reference;
        this.clock = clock;
    }

    public record Count(String code, String label, long total, long withConvention, String link) {
        public double share() {
            return total == 0 ? 0 : (double) withConvention / total;
        }

        public long withoutConvention() {
            return total - withConvention;
        }
    }

    public record Cell(String department, String domain, long count, List<String> partners, String link) {
    }

    public record MatrixRow(String department, String label, List<Cell> cells) {
    }

    public record Gap(String code, String label, long partners, long withConvention, boolean gap, boolean namedBySource,
                      String link) {
    }

    public record Overview(long partners, long withConvention, Count total, List<Count> byKind, List<Count> bySubSector,
                           List<Count> byDomain, List<Count> byTargetGroup, List<Count> byDepartment,
                           List<ReferenceItem> domains, List<MatrixRow> matrix, List<Gap> departmentGaps,
                           List<Gap> targetGroupGaps) {
        public double shareWithConvention() {
            return partners == 0 ? 0 : (double) withConvention / partners;
        }

        public double shareWithoutConvention() {
            return partners == 0 ? 0 : 1 - shareWithConvention();
        }
    }

    /** All partners, with the number of the convention in force for the filter's period (or null). */
    @Transactional(readOnly = true)
    public List<PartnerFacts> partners(DashboardFilter filter) {
        Map<Long, Set<String>> subSectors = codes("partner_sub_sector");
        Map<Long, Set<String>> domains = codes("partner_domain");
        Map<Long, Set<String>> targetGroups = codes("partner_target_group");
        Map<Long, Set<String>> departments = codes("partner_department");
        Map<Long, String> conventions = conventionsInForce(filter);
        Map<Long, Set<String>> funded = fundedCells(filter);
        List<PartnerFacts> all = jdbc.query("select id, name, acronym, kind, organisation_type, head_office_department, "
                + "nationwide from partner order by name, id", (rs, i) -> {
                    long id = rs.getLong(1);
                    return new PartnerFacts(id, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getBoolean(7), subSectors.getOrDefault(id, Set.of()),
                            domains.getOrDefault(id, Set.of()), targetGroups.getOrDefault(id, Set.of()),
                            departments.getOrDefault(id, Set.of()), conventions.get(id),
                            funded.getOrDefault(id, Set.of()));
                });
        return all;
    }

    @Transactional(readOnly = true)
    public List<PartnerFacts> list(DashboardFilter filter) {
        return partners(filter).stream().filter(p -> p.matches(filter)).toList();
    }

    @Transactional(readOnly = true)
    public Overview overview(DashboardFilter filter) {
        return overview(filter, partners(filter));
    }

    /** The figures over a given set of partners (all partners in production; a fixture in tests). */
    Overview overview(DashboardFilter filter, List<PartnerFacts> all) {
        List<PartnerFacts> selected = all.stream().filter(p -> p.matches(filter)).toList();
        long withConvention = selected.stream().filter(PartnerFacts::hasConvention).count();
        Count total = new Count("ALL", "Tous", selected.size(), withConvention, filter.link("/dashboard/partners"));

        List<Count> byKind = new ArrayList<>();
        for (String kind : List.of("PTF", "OSC")) {
            byKind.add(count(selected, kind, kind, p -> kind.equals(p.kind()), filter.withKind(kind)));
        }
        List<Count> bySubSector = counts(selected, ReferenceCategory.SUB_SECTOR, PartnerFacts::subSectors,
                filter::withSubSector);
        List<Count> byDomain = counts(selected, ReferenceCategory.DOMAIN, PartnerFacts::domains, filter::withDomain);
        List<Count> byTargetGroup = counts(selected, ReferenceCategory.TARGET_GROUP, PartnerFacts::targetGroups,
                filter::withTargetGroup);
        List<Count> byDepartment = new ArrayList<>();
        for (ReferenceItem d : reference.list(ReferenceCategory.DEPARTMENT)) {
            if (filter.department() != null && !filter.department().equals(d.code())) {
                continue; // a department filter shows that department only (and the nationwide line)
            }
            byDepartment.add(count(selected, d.code(), d.label(), p -> p.isIn(d.code()), filter.withDepartment(d.code())));
        }
        byDepartment.add(count(selected, NATIONWIDE, "Tout le territoire (national)", PartnerFacts::nationwide,
                filter.withNationwide(true)));

        List<ReferenceItem> domainItems = reference.list(ReferenceCategory.DOMAIN);
        List<MatrixRow> matrix = new ArrayList<>();
        Set<Long> selectedIds = new java.util.HashSet<>();
        selected.forEach(p -> selectedIds.add(p.id()));
        // a PTF funding an activity in a cell counts there even when its registry entry names neither the
        // department nor the domain: the other filters (kind, sub-sector, convention...) still apply
        DashboardFilter notWhere = filter.withDepartment(null).withDomain(null);
        List<PartnerFacts> fundingBase = all.stream()
                .filter(p -> selectedIds.contains(p.id()) || (!p.fundedCells().isEmpty() && p.matches(notWhere)))
                .toList();
        for (ReferenceItem d : reference.list(ReferenceCategory.DEPARTMENT)) {
            if (filter.department() != null && !filter.department().equals(d.code())) {
                continue;
            }
            List<Cell> cells = new ArrayList<>();
            for (ReferenceItem domain : domainItems) {
                // the registry says it works here, or (PTF) it funds an activity here in the period; once each
                List<String> names = fundingBase.stream()
                        .filter(p -> (selectedIds.contains(p.id()) && p.isIn(d.code()) && p.domains().contains(domain.code()))
                                || (p.fundsIn(d.code(), domain.code())
                                    && (filter.domain() == null || filter.domain().equals(domain.code()))))
                        .map(p -> {
                            String name = p.acronym() != null && !p.acronym().isBlank() ? p.acronym() : p.name();
                            boolean registry = selectedIds.contains(p.id()) && p.isIn(d.code())
                                    && p.domains().contains(domain.code());
                            return registry ? name : name + " (financement)";
                        })
                        .toList();
                cells.add(new Cell(d.code(), domain.code(), names.size(), names,
                        filter.withDepartment(d.code()).withDomain(domain.code()).link("/dashboard/partners")));
            }
            matrix.add(new MatrixRow(d.code(), d.label(), cells));
        }

        // coverage: partners in force per department / target group, all other filters applied
        DashboardFilter inForce = filter.withConvention("ACTIVE");
        List<PartnerFacts> coverageBase = all.stream().filter(p -> p.matches(filter.withDepartment(null))).toList();
        List<Gap> departmentGaps = gaps(coverageBase, reference.list(ReferenceCategory.DEPARTMENT),
                (p, code) -> p.isIn(code), NAMED_GAP_DEPARTMENTS, code -> inForce.withDepartment(code));
        List<PartnerFacts> targetBase = all.stream().filter(p -> p.matches(filter.withTargetGroup(null))).toList();
        List<Gap> targetGroupGaps = gaps(targetBase, reference.list(ReferenceCategory.TARGET_GROUP),
                (p, code) -> p.targetGroups().contains(code), NAMED_GAP_TARGET_GROUPS,
                code -> inForce.withTargetGroup(code));
        return new Overview(selected.size(), withConvention, total, byKind, bySubSector, byDomain, byTargetGroup,
                byDepartment, domainItems, matrix, departmentGaps, targetGroupGaps);
    }

    /**
     * A gap is a department (target group) where fewer partners hold a convention in force than half the
     * median of all departments (target groups), or none at all.
     */
    static List<Gap> gaps(List<PartnerFacts> base, List<ReferenceItem> items,
                          java.util.function.BiPredicate<PartnerFacts, String> in, Set<String> named,
                          Function<String, DashboardFilter> link) {
        List<long[]> figures = new ArrayList<>();
        for (ReferenceItem item : items) {
            long partners = base.stream().filter(p -> in.test(p, item.code())).count();
            long active = base.stream().filter(p -> in.test(p, item.code()) && p.hasConvention()).count();
            figures.add(new long[] {partners, active});
        }
        double median = median(figures.stream().map(f -> (double) f[1]).toList());
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ReferenceItem item = items.get(i);
            long active = figures.get(i)[1];
            boolean gap = active == 0 || active < median / 2;
            gaps.add(new Gap(item.code(), item.label(), figures.get(i)[0], active, gap, named.contains(item.code()),
                    link.apply(item.code()).link("/dashboard/partners")));
        }
        gaps.sort(Comparator.comparingLong(Gap::withConvention).thenComparing(Gap::code));
        return gaps;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private List<Count> counts(List<PartnerFacts> selected, ReferenceCategory category,
                               Function<PartnerFacts, Set<String>> codes, Function<String, DashboardFilter> link) {
        List<Count> counts = new ArrayList<>();
        for (ReferenceItem item : reference.list(category)) {
            counts.add(count(selected, item.code(), item.label(), p -> codes.apply(p).contains(item.code()),
                    link.apply(item.code())));
        }
        return counts;
    }

    private static Count count(List<PartnerFacts> selected, String code, String label, Predicate<PartnerFacts> in,
                               DashboardFilter link) {
        long total = 0;
        long active = 0;
        for (PartnerFacts p : selected) {
            if (in.test(p)) {
                total++;
                if (p.hasConvention()) {
                    active++;
                }
            }
        }
        return new Count(code, label, total, active, link.link("/dashboard/partners"));
    }

    private Map<Long, Set<String>> codes(String table) {
        Map<Long, Set<String>> codes = new HashMap<>();
        jdbc.query("select partner_id, code from " + table, rs -> {
            codes.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return codes;
    }

    /**
     * Department/domain cells of the activities each PTF funds (funded_activity, V100) in the filter's
     * period, or running today without a period.
     */
    private Map<Long, Set<String>> fundedCells(DashboardFilter filter) {
        Map<Long, Set<String>> cells = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", filter.period() == null ? today() : filter.periodStart())
                .addValue("to", filter.period() == null ? today() : filter.periodEnd());
        jdbc.query("select partner_id, department, domain from funded_activity "
                + "where start_date <= :to and end_date >= :from", params, rs -> {
                    cells.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>())
                            .add(PartnerFacts.cell(rs.getString(2), rs.getString(3)));
                });
        return cells;
    }

    private Map<Long, String> conventionsInForce(DashboardFilter filter) {
        Map<Long, String> numbers = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql;
        if (filter.period() == null) {
            sql = "select partner_id, number from convention c where " + ConventionTerms.inForceOnSql("c", ":today")
                    + " order by start_date";
            params.addValue("today", today());
        } else {
            sql = "select partner_id, number from convention c where " + ConventionTerms.heldSql("c") + " and "
                    + ConventionTerms.runsDuringSql("c", ":from", ":to") + " order by start_date";
            params.addValue("from", filter.periodStart()).addValue("to", filter.periodEnd());
        }
        jdbc.query(sql, params, rs -> {
            numbers.put(rs.getLong(1), rs.getString(2));
        });
        return numbers;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
