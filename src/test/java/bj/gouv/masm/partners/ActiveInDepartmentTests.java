package bj.gouv.masm.partners;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import bj.gouv.masm.support.SourceScan;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "Active in a department" is one rule (ActiveInDepartment): nationwide, head office there, or a department
 * of intervention. Its Java, JPA and SQL forms agree, and no other class writes it again.
 */
class ActiveInDepartmentTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;

    @Autowired
    JdbcTemplate jdbc;

    Partner nationwide;
    Partner headOffice;
    Partner intervention;
    Partner elsewhere;
    List<Long> ids;

    @BeforeEach
    void createPartners() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        nationwide = partner("National " + run, null, Set.of(), true);
        headOffice = partner("Siège " + run, "MONO", Set.of(), false);
        intervention = partner("Intervention " + run, "ZOU", Set.of("MONO"), false);
        elsewhere = partner("Ailleurs " + run, "ZOU", Set.of("COLLINES"), false);
        ids = List.of(nationwide.getId(), headOffice.getId(), intervention.getId(), elsewhere.getId());
    }

    private Partner partner(String name, String headOfficeDepartment, Set<String> departments, boolean isNationwide) {
        Partner p = new Partner(name, PartnerKind.OSC, "NATIONAL_NGO");
        p.setHeadOfficeDepartment(headOfficeDepartment);
        p.setDepartments(departments);
        p.setNationwide(isNationwide);
        p.touch("test", java.time.OffsetDateTime.now());
        return partners.saveAndFlush(p);
    }

    @Test
    void shouldCountNationwidePartnersAndTheHeadOfficeInTheDepartment() {
        assertThat(nationwide.isActiveIn("MONO")).isTrue();
        assertThat(headOffice.isActiveIn("MONO")).isTrue();
        assertThat(intervention.isActiveIn("MONO")).isTrue();
        assertThat(elsewhere.isActiveIn("MONO")).isFalse();
        assertThat(headOffice.isActiveIn("ZOU")).isFalse();
    }

    @Test
    void shouldSayTheSameInJavaJpaAndSql() {
        for (String department : List.of("MONO", "ZOU", "COLLINES", "DONGA")) {
            List<Long> java = partners.findAllById(ids).stream().filter(p -> p.isActiveIn(department))
                    .map(Partner::getId).sorted().toList();
            List<Long> jpa = partners.findAll(ActiveInDepartment.specification(department)).stream()
                    .map(Partner::getId).filter(ids::contains).sorted().toList();
            List<Long> sql = jdbc.queryForList("select p.id from partner p where " + ActiveInDepartment.sql("p", "?")
                    + " order by p.id", Long.class, department, department).stream().filter(ids::contains).toList();
            assertThat(jpa).as("JPA, " + department).isEqualTo(java);
            assertThat(sql).as("SQL, " + department).isEqualTo(java);
        }
    }

    @Test
    void shouldLetNoOtherClassWriteTheRuleAgain() {
        // "acts nationwide, or ..." / "head office, or ..." in Java, JPA or SQL (the campaign letters go to the
        // OSC whose head office is in the department on purpose: one CPS writes to each OSC)
        Pattern rule = Pattern.compile("nationwide\\s*=\\s*true\\s+or\\b|nationwide\\s*\\|\\|\\s*[\\w.]*(equals|contains)"
                + "|isTrue\\(root\\.get\\(\"nationwide\"\\)\\)|equals\\(headOfficeDepartment\\)\\s*\\|\\|");
        assertThat(SourceScan.filesMatching("src/main/java", rule))
                .containsExactly("src/main/java/bj/gouv/masm/partners/ActiveInDepartment.java");
    }
}
