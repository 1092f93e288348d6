package bj.gouv.masm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SectorFiguresTests extends IntegrationTestBase {

    @Autowired
    SectorFigures figures;
    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;

    SectorFixture fixture;
    Set<Long> ids;
    Partner agence;
    Partner fonds;

    /**
     * Ten partners: 2 PTF (1 with an ACTIVE convention) and 8 OSC (1 ACTIVE, 1 EXPIRED, 1 REVOKED, 5 none),
     * so 2 of 10 (20 %) hold a convention in force and 80 % do not, as in the source.
     */
    @BeforeEach
    void createFixture() {
        fixture = new SectorFixture(partners, conventions, jdbc);
        LocalDate now = LocalDate.now();
        Partner ptfActive = fixture.partner("Agence", PartnerKind.PTF, "LITTORAL", Set.of("BORGOU", "ALIBORI"),
                Set.of("WOMEN_EMPOWERMENT_GBV", "CHILD_PROTECTION"), Set.of("WOMEN", "GIRLS"),
                Set.of("SOCIAL_AFFAIRS", "MICROFINANCE"), false);
        fixture.convention(ptfActive, ConventionStatus.ACTIVE, now.minusMonths(6), 24);
        agence = ptfActive;
        fonds = fixture.partner("Fonds", PartnerKind.PTF, "LITTORAL", Set.of(), Set.of("SOCIAL_PROTECTION"), Set.of("ELDERLY"),
                Set.of("SOCIAL_AFFAIRS"), true);
        Partner oscActive = fixture.osc("BORGOU", "WOMEN_EMPOWERMENT_GBV", "WOMEN");
        fixture.convention(oscActive, ConventionStatus.ACTIVE, now.minusMonths(1), 12);
        Partner oscExpired = fixture.osc("BORGOU", "WOMEN_EMPOWERMENT_GBV", "GIRLS");
        fixture.convention(oscExpired, ConventionStatus.EXPIRED, LocalDate.of(2022, 1, 1), 12);
        Partner oscRevoked = fixture.osc("BORGOU", "CHILD_PROTECTION", "CHILDREN");
        fixture.convention(oscRevoked, ConventionStatus.REVOKED, now.minusMonths(3), 12);
        fixture.osc("ZOU", "CHILD_PROTECTION", "CHILDREN");
        fixture.osc("ZOU", "FAMILY", "CHILDREN");
        fixture.osc("MONO", "DISABILITY", "DISABLED");
        fixture.osc("ALIBORI", "MICROFINANCE", "WOMEN");
        fixture.osc("PLATEAU", "WOMEN_EMPOWERMENT_GBV", "WOMEN");
        ids = partners.findAll().stream().filter(p -> p.getName().contains(fixture.run)).map(Partner::getId)
                .collect(Collectors.toSet());
        assertThat(ids).hasSize(10);
    }

    private SectorFigures.Overview overview(DashboardFilter filter) {
        List<PartnerFacts> mine = figures.partners(filter).stream().filter(p -> ids.contains(p.id())).toList();
        return figures.overview(filter, mine);
    }

    private static SectorFigures.Count count(List<SectorFigures.Count> counts, String code) {
        return counts.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void shouldCountPartnersAndTheShareHoldingAConventionInForce() {
        SectorFigures.Overview o = overview(DashboardFilter.none());
        assertThat(o.partners()).isEqualTo(10);
        assertThat(o.withConvention()).isEqualTo(2);
        assertThat(o.shareWithoutConvention()).isCloseTo(0.8, within(1e-9));
        assertThat(count(o.byKind(), "PTF").total()).isEqualTo(2);
        assertThat(count(o.byKind(), "PTF").withConvention()).isEqualTo(1);
        assertThat(count(o.byKind(), "OSC").total()).isEqualTo(8);
        assertThat(count(o.byKind(), "OSC").share()).isCloseTo(0.125, within(1e-9));
        assertThat(count(o.bySubSector(), "MICROFINANCE").total()).isEqualTo(1);
        assertThat(count(o.bySubSector(), "SOCIAL_AFFAIRS").total()).isEqualTo(10);
        assertThat(count(o.byDomain(), "WOMEN_EMPOWERMENT_GBV").total()).isEqualTo(4);
        assertThat(count(o.byDomain(), "WOMEN_EMPOWERMENT_GBV").withConvention()).isEqualTo(2);
        assertThat(count(o.byTargetGroup(), "CHILDREN").total()).isEqualTo(3);
        assertThat(count(o.byTargetGroup(), "CHILDREN").withConvention()).isZero();
        // a partner is in a department when active there: its head office, its departments of intervention,
        // or everywhere when it acts nationwide (the "Fonds", head office LITTORAL, counts in BORGOU and ALIBORI)
        assertThat(count(o.byDepartment(), "BORGOU").total()).isEqualTo(5);
        assertThat(count(o.byDepartment(), "BORGOU").withConvention()).isEqualTo(2);
        assertThat(count(o.byDepartment(), "LITTORAL").total()).isEqualTo(2);
        assertThat(count(o.byDepartment(), "ALIBORI").total()).isEqualTo(3);
        assertThat(count(o.byDepartment(), "DONGA").total()).isEqualTo(1);
        assertThat(count(o.byDepartment(), SectorFigures.NATIONWIDE).total()).isEqualTo(1);
        assertThat(count(o.byDepartment(), "BORGOU").link()).isEqualTo("/dashboard/partners?department=BORGOU");
    }

    @Test
    void shouldFilterByDepartmentDomainAndKind() {
        SectorFigures.Overview borgouGbv = overview(new DashboardFilter("BORGOU", "WOMEN_EMPOWERMENT_GBV", null, null,
                null, null, null, null));
        assertThat(borgouGbv.partners()).isEqualTo(3);
        assertThat(borgouGbv.withConvention()).isEqualTo(2);
        SectorFigures.Overview osc = overview(new DashboardFilter(null, null, "OSC", null, null, null, null, null));
        assertThat(osc.partners()).isEqualTo(8);
        assertThat(osc.withConvention()).isEqualTo(1);
        assertThat(osc.total().link()).isEqualTo("/dashboard/partners?kind=OSC");
    }

    @Test
    void shouldCountConventionsInForceDuringAPeriod() {
        // in 2022 only the expired convention was in force
        SectorFigures.Overview y2022 = overview(new DashboardFilter(null, null, null, null, null, null, null, "2022"));
        assertThat(y2022.withConvention()).isEqualTo(1);
        SectorFigures.Overview q = overview(new DashboardFilter(null, null, null, null, null, null, null, "2022-Q4"));
        assertThat(q.withConvention()).isEqualTo(1);
        SectorFigures.Overview y2021 = overview(new DashboardFilter(null, null, null, null, null, null, null, "2021"));
        assertThat(y2021.withConvention()).isZero();
    }

    @Test
    void shouldListThePartnersOfEachMatrixCell() {
        SectorFigures.Overview o = overview(DashboardFilter.none());
        SectorFigures.Cell borgouGbv = o.matrix().stream().filter(r -> r.department().equals("BORGOU")).findFirst()
                .orElseThrow().cells().stream().filter(c -> c.domain().equals("WOMEN_EMPOWERMENT_GBV")).findFirst()
                .orElseThrow();
        assertThat(borgouGbv.count()).isEqualTo(3);
        assertThat(borgouGbv.partners()).allMatch(name -> name.contains(fixture.run));
        assertThat(borgouGbv.link()).isEqualTo("/dashboard/partners?department=BORGOU&domain=WOMEN_EMPOWERMENT_GBV");
        SectorFigures.Cell monoDisability = o.matrix().stream().filter(r -> r.department().equals("MONO")).findFirst()
                .orElseThrow().cells().stream().filter(c -> c.domain().equals("DISABILITY")).findFirst().orElseThrow();
        assertThat(monoDisability.count()).isEqualTo(1);
    }

    private void funds(Partner ptf, String department, String domain, LocalDate start, LocalDate end) {
        jdbc.update("insert into funded_activity (partner_id, description, department, commune, domain, target_group, "
                + "start_date, end_date, amount_xof, created_at, created_by) "
                + "values (?, 'Activité financée', ?, ?, ?, 'DISABLED', ?, ?, 1000000, now(), 'test')",
                ptf.getId(), department, "Commune " + fixture.run, domain, start, end);
    }

    private static SectorFigures.Cell cell(SectorFigures.Overview o, String department, String domain) {
        return o.matrix().stream().filter(r -> r.department().equals(department)).findFirst().orElseThrow()
                .cells().stream().filter(c -> c.domain().equals(domain)).findFirst().orElseThrow();
    }

    @Test
    void shouldCountAPtfInTheMatrixCellsWhereItFundsAnActivity() {
        LocalDate now = LocalDate.now();
        // Fonds's registry entry names neither MONO nor DISABILITY; it funds an activity there this year
        funds(fonds, "MONO", "DISABILITY", now.minusMonths(2), now.plusMonths(4));
        // Agence is already in BORGOU × GBV through the registry: its funding there must not count twice
        funds(agence, "BORGOU", "WOMEN_EMPOWERMENT_GBV", now.minusMonths(2), now.plusMonths(4));
        // an activity funded long ago does not count today
        funds(fonds, "ZOU", "FAMILY", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));

        SectorFigures.Overview o = overview(DashboardFilter.none());
        SectorFigures.Cell monoDisability = cell(o, "MONO", "DISABILITY");
        assertThat(monoDisability.count()).isEqualTo(2);
        assertThat(monoDisability.partners()).anyMatch(n -> n.startsWith(fonds.getName()) && n.endsWith("(financement)"));
        assertThat(cell(o, "BORGOU", "WOMEN_EMPOWERMENT_GBV").count()).isEqualTo(3);
        assertThat(cell(o, "BORGOU", "WOMEN_EMPOWERMENT_GBV").partners()).noneMatch(n -> n.endsWith("(financement)"));
        assertThat(cell(o, "ZOU", "FAMILY").count()).isEqualTo(1);

        // the period shown decides: in 2020 the ZOU activity counts, this year's do not
        SectorFigures.Overview y2020 = overview(new DashboardFilter(null, null, null, null, null, null, null, "2020"));
        assertThat(cell(y2020, "ZOU", "FAMILY").count()).isEqualTo(2);
        assertThat(cell(y2020, "MONO", "DISABILITY").count()).isEqualTo(1);
        // other filters still apply: an OSC-only view leaves the funding PTF out
        SectorFigures.Overview osc = overview(new DashboardFilter(null, null, "OSC", null, null, null, null, null));
        assertThat(cell(osc, "MONO", "DISABILITY").count()).isEqualTo(1);
        // a department filter keeps the funding PTF in that department's row
        SectorFigures.Overview mono = overview(new DashboardFilter("MONO", null, null, null, null, null, null, null));
        assertThat(cell(mono, "MONO", "DISABILITY").count()).isEqualTo(2);
    }

    @Test
    void shouldFlagCoverageGapsAndTheDepartmentsNamedBySource() {
        SectorFigures.Overview o = overview(DashboardFilter.none());
        SectorFigures.Gap borgou = o.departmentGaps().stream().filter(g -> g.code().equals("BORGOU")).findFirst().orElseThrow();
        SectorFigures.Gap mono = o.departmentGaps().stream().filter(g -> g.code().equals("MONO")).findFirst().orElseThrow();
        assertThat(borgou.withConvention()).isEqualTo(2);
        assertThat(borgou.gap()).isFalse();
        assertThat(mono.partners()).isEqualTo(2); // its OSC and the nationwide Fonds
        assertThat(mono.withConvention()).isZero();
        assertThat(mono.gap()).isTrue();
        assertThat(mono.namedBySource()).isTrue();
        assertThat(mono.link()).isEqualTo("/dashboard/partners?department=MONO&convention=ACTIVE");
        SectorFigures.Gap disabled = o.targetGroupGaps().stream().filter(g -> g.code().equals("DISABLED")).findFirst().orElseThrow();
        assertThat(disabled.gap()).isTrue();
        assertThat(disabled.namedBySource()).isTrue();
        SectorFigures.Gap women = o.targetGroupGaps().stream().filter(g -> g.code().equals("WOMEN")).findFirst().orElseThrow();
        assertThat(women.withConvention()).isEqualTo(2);
        assertThat(women.gap()).isFalse();
        // sorted: least covered first
        assertThat(o.departmentGaps().get(0).withConvention()).isZero();
    }

    @Test
    void shouldAddTheFixtureToTheWholeSectorFigures() {
        // the public path over every partner in the database: the fixture adds exactly its own numbers
        DashboardFilter mono = new DashboardFilter("MONO", "DISABILITY", "OSC", null, null, null, null, null);
        long before = figures.overview(mono).partners();
        fixture.osc("MONO", "DISABILITY", "DISABLED");
        SectorFigures.Overview after = figures.overview(mono);
        assertThat(after.partners()).isEqualTo(before + 1);
        assertThat(figures.list(mono)).hasSize((int) after.partners());
    }

    @Test
    void shouldComputeMedianAndPercentiles() {
        assertThat(SectorFigures.median(List.of(1d, 3d, 2d))).isEqualTo(2d);
        assertThat(SectorFigures.median(List.of(1d, 2d, 3d, 10d))).isEqualTo(2.5d);
        List<Integer> tenDays = List.of(10, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(Stats.average(tenDays)).isEqualTo(5.5d);
        assertThat(Stats.percentile(tenDays, 90)).isEqualTo(9d);
        assertThat(Stats.percentile(tenDays, 100)).isEqualTo(10d);
        assertThat(Stats.percentile(List.of(4), 90)).isEqualTo(4d);
    }
}
