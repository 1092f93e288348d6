package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.SourceScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CPS group of a department is written once (Groups.cps, offered to the models as
 * {@code ${officeGroups.cps(department)}}), the departments come from ref_department, and "member of these
 * groups or administrator" is asked of AccessScope.
 */
class OneGroupRuleTests {

    @Test
    void shouldBuildTheCpsGroupOfADepartmentInOnePlace() {
        assertThat(SourceScan.filesMatching("src/main/java", Pattern.compile("\"cps-")))
                .containsExactly("src/main/java/bj/gouv/masm/security/Groups.java");
        assertThat(SourceScan.filesMatching(List.of("processes", "src/main/resources"), Pattern.compile("cps-\\$\\{")))
                .isEmpty();
    }

    @Test
    void shouldGiveEveryDepartmentsTaskToItsCpsThroughOfficeGroups() throws IOException {
        Pattern candidate = Pattern.compile("candidateGroups=\"([^\"]*department[^\"]*)\"");
        int found = 0;
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = candidate.matcher(Files.readString(model));
                while (m.find()) {
                    assertThat(m.group(1)).as(model.toString()).isEqualTo("${officeGroups.cps(department)}");
                    found++;
                }
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldWriteNoListOfDepartmentsInTheCode() {
        // the demo partner generator names departments as sample data; the rules read ref_department
        assertThat(SourceScan.filesMatching("src/main/java", Pattern.compile("\"ALIBORI\",\\s*\"ATACORA\"")))
                .allMatch(file -> file.endsWith("/DemoPartnerGenerator.java"));
    }

    @Test
    void shouldAskAccessScopeWhetherTheUserIsMemberOrAdministrator() {
        Pattern handWritten = Pattern.compile("isMember\\([^)]*\\)\\s*(\\|\\||&&)\\s*!?\\w+\\.isAdmin\\(\\)"
                + "|isAdmin\\(\\)\\s*(\\|\\||&&)\\s*!?\\w+\\.isMember\\(");
        assertThat(SourceScan.filesMatching("src/main/java", handWritten)).isEmpty();
        assertThat(AccessScope.handlesDepartment(List.of("cps-borgou"), "BORGOU")).isTrue();
        assertThat(AccessScope.handlesDepartment(List.of("cps-borgou"), "ZOU")).isFalse();
        assertThat(AccessScope.handlesDepartment(List.of("cps-borgou", Groups.DPAF), "ZOU")).isTrue();
        assertThat(AccessScope.handlesDepartment(List.of(Groups.SGM), "ZOU")).isTrue();
    }
}
