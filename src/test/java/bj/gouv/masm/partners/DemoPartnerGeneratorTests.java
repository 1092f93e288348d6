package bj.gouv.masm.partners;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.shared.TextNormalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo data follows the survey of the source document, and is the same on every run. */
class DemoPartnerGeneratorTests {

    private static final List<String> CONCENTRATED = List.of("BORGOU", "ALIBORI", "PLATEAU", "ZOU", "COLLINES");
    private static final List<String> UNDER_SERVED = List.of("ATACORA", "MONO", "COUFFO");

    private final List<PartnerRequest> partners = new DemoPartnerGenerator().generate();

    @Test
    void shouldGenerateTheSamePartnersOnEveryRun() {
        assertThat(new DemoPartnerGenerator().generate()).isEqualTo(partners);
        assertThat(new DemoPartnerGenerator(DemoPartnerGenerator.DEFAULT_COUNT, 1L).generate()).isNotEqualTo(partners);
    }

    @Test
    void shouldGenerateAboutSevenHundredUniquePartners() {
        assertThat(partners).hasSizeBetween(690, 710);
        Set<String> names = partners.stream().map(p -> p.kind() + "|" + TextNormalizer.normalise(p.name()))
                .collect(Collectors.toSet());
        assertThat(names).hasSameSizeAs(partners);
        List<String> numbers = partners.stream().map(PartnerRequest::registrationNumber).filter(Objects::nonNull).toList();
        assertThat(Set.copyOf(numbers)).hasSameSizeAs(numbers);
        assertThat(numbers).allMatch(n -> n.matches("DEMO-(OSC|PTF)-\\d{4}"));
    }

    @Test
    void shouldHaveOverTwoThirdsOsc() {
        assertThat(share(p -> "OSC".equals(p.kind()))).isGreaterThan(0.67).isLessThan(0.80);
    }

    @Test
    void shouldHaveSubSectorsAsInTheSurvey() {
        assertThat(share(p -> p.subSectors().equals(List.of("SOCIAL_AFFAIRS")))).isCloseTo(0.919, within(0.003));
        assertThat(share(p -> p.subSectors().size() == 2)).isCloseTo(0.081, within(0.003));
    }

    @Test
    void shouldGiveGenderViolenceAndChildProtectionAboutSixtyPercentOfDomains() {
        Map<String, Integer> counts = new HashMap<>();
        partners.forEach(p -> p.domains().forEach(d -> counts.merge(d, 1, Integer::sum)));
        double total = counts.values().stream().mapToInt(Integer::intValue).sum();
        double twoLargest = counts.get("WOMEN_EMPOWERMENT_GBV") + counts.get("CHILD_PROTECTION");
        assertThat(twoLargest / total).isBetween(0.56, 0.64);
        assertThat(partners).allMatch(p -> !p.domains().isEmpty() && !p.targetGroups().isEmpty());
    }

    @Test
    void shouldHaveAboutAQuarterNationwide() {
        assertThat(share(p -> Boolean.TRUE.equals(p.nationwide()))).isBetween(0.23, 0.27);
    }

    @Test
    void shouldConcentrateActivityWhereTheSourceSaysAndUnderServeAtacoraMonoCouffo() {
        Map<String, Long> active = new HashMap<>();
        for (String department : DemoPartnerGenerator.DEPARTMENT_WEIGHTS.keySet()) {
            active.put(department, partners.stream().filter(p -> isActiveIn(p, department)).count());
        }
        long leastConcentrated = CONCENTRATED.stream().mapToLong(active::get).min().orElseThrow();
        long mostUnderServed = UNDER_SERVED.stream().mapToLong(active::get).max().orElseThrow();
        assertThat(leastConcentrated).isGreaterThan(mostUnderServed);
        // every other department ranks between the two groups
        active.forEach((department, count) -> {
            if (!CONCENTRATED.contains(department) && !UNDER_SERVED.contains(department)) {
                assertThat(count).as(department).isBetween(mostUnderServed, leastConcentrated);
            }
        });
        // "under 30%" of partners act in Atacora, Mono, Couffo (nationwide partners included)
        for (String department : UNDER_SERVED) {
            assertThat(active.get(department) / (double) partners.size()).as(department).isLessThan(0.30);
        }
    }

    @Test
    void shouldUseRealNamesOnlyForThePtfTheSourceNamesAndObviouslyInventedOnesOtherwise() {
        Set<String> acronyms = partners.stream().map(PartnerRequest::acronym).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        assertThat(acronyms).contains("UNFPA", "PNUD", "FAO", "GIZ");
        assertThat(partners).anyMatch(p -> p.name().equals("Ambassade de Belgique"));
        List<PartnerRequest> invented = partners.stream().filter(p -> p.email() != null).toList();
        assertThat(invented).hasSize(partners.size() - 5);
        assertThat(invented).allMatch(p -> p.name().matches(".*(Fictive|Fictif|Imaginaire).* n°\\d+")
                && p.email().endsWith("@demo.invalid"));
        assertThat(partners).anyMatch(p -> p.name().matches("ONG .+ Fictive de l'Alibori n°\\d+"));
    }

    @Test
    void shouldGiveEveryOscARegistrationNumberAndAHeadOffice() {
        assertThat(partners.stream().filter(p -> "OSC".equals(p.kind())))
                .allMatch(p -> p.registrationNumber() != null && p.headOfficeDepartment() != null);
    }

    private double share(java.util.function.Predicate<PartnerRequest> test) {
        return partners.stream().filter(test).count() / (double) partners.size();
    }

    /** Acting there: nationwide or a department of intervention (a PTF's Cotonou office is not field activity). */
    private static boolean isActiveIn(PartnerRequest p, String department) {
        return Boolean.TRUE.equals(p.nationwide()) || p.departments().contains(department);
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
