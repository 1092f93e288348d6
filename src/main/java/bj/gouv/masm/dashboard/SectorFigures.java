package bj.gouv.masm.dashboard;

import bj.gouv.masm.conventions.ConventionReadQueries;
import bj.gouv.masm.funding.FundingReadQueries;
import bj.gouv.masm.partners.PartnerReadQueries;
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
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who does what where: partner counts by kind, sub-sector, domain, target group and department with
 * the share holding a convention in force, the department × domain matrix and the coverage gaps.
 * Partners are read in six bulk queries (PartnerReadQueries, ConventionReadQueries, FundingReadQueries) and filtered in memory with {@link PartnerFacts#matches}, the
 * same predicate the partner list uses, so every figure equals the length of the list it links to.
 */
@Service
@RequiredArgsConstructor
public class SectorFigures {

    /** Departments and target groups the source names as under-served. */
    public static final Set<String> NAMED_GAP_DEPARTMENTS = Set.of("ATACORA", "MONO", "COUFFO");
    public static final Set<String> NAMED_GAP_TARGET_GROUPS = Set.of("ELDERLY", "DISABLED");
    public static final String NATIONWIDE = "NATIONAL";

    private final PartnerReadQueries partners;
    private final ConventionReadQueries conventions;
    private final FundingReadQueries funding;
    private final ReferenceDataService reference;
    private final Clock clock;

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
        Map<Long, Set<String>> subSectors = partners.codes(PartnerReadQueries.Codes.SUB_SECTORS);
        Map<Long, Set<String>> domains = partners.codes(PartnerReadQueries.Codes.DOMAINS);
        Map<Long, Set<String>> targetGroups = partners.codes(PartnerReadQueries.Codes.TARGET_GROUPS);
        Map<Long, Set<String>> departments = partners.codes(PartnerReadQueries.Codes.DEPARTMENTS);
        Map<Long, String> conventions = this.conventions.numbersByPartner(today(),
                filter.period() == null ? null : filter.periodStart(), filter.period() == null ? null : filter.periodEnd());
        Map<Long, Set<String>> funded = fundedCells(filter);
        return partners.all().stream().map(p -> new PartnerFacts(p.id(), p.name(), p.acronym(), p.kind(),
                p.organisationType(), p.headOfficeDepartment(), p.nationwide(),
                subSectors.getOrDefault(p.id(), Set.of()), domains.getOrDefault(p.id(), Set.of()),
                targetGroups.getOrDefault(p.id(), Set.of()), departments.getOrDefault(p.id(), Set.of()),
                conventions.get(p.id()), funded.getOrDefault(p.id(), Set.of()))).toList();
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

    /**
     * Department/domain cells of the activities each PTF funds (funded_activity, V100) in the filter's
     * period, or running today without a period.
     */
    private Map<Long, Set<String>> fundedCells(DashboardFilter filter) {
        Map<Long, Set<String>> cells = new HashMap<>();
        for (FundingReadQueries.FundedCell c : funding.fundedCells(
                filter.period() == null ? today() : filter.periodStart(),
                filter.period() == null ? today() : filter.periodEnd())) {
            cells.computeIfAbsent(c.partnerId(), k -> new TreeSet<>()).add(PartnerFacts.cell(c.department(), c.domain()));
        }
        return cells;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
