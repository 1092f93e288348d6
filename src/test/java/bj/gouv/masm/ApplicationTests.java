package bj.gouv.masm;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.security.Groups;
import bj.gouv.masm.support.IntegrationTestBase;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApplicationTests extends IntegrationTestBase {

    @Autowired
    protected bj.gouv.masm.security.process.OfficeGroups officeGroups;
    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Test
    void shouldRunOnPostgresqlWithMigratedReferenceData() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
        assertThat(jdbc.queryForObject("select count(*) from ref_department", Integer.class)).isEqualTo(12);
        assertThat(jdbc.queryForObject("select count(*) from ref_cooperation_axis", Integer.class)).isEqualTo(8);
        assertThat(jdbc.queryForObject("select count(*) from ref_target_group", Integer.class)).isEqualTo(5);
    }

    @Test
    void shouldCreateEveryGroupOfTheContract() {
        for (String group : officeGroups.cpsGroups()) {
            assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
        }
        for (String group : Groups.centralGroups()) {
            assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
        }
    }

    @Test
    void shouldGiveTheAdministratorThePasswordOfTheEnvironment() {
        assertThat(identityService.checkPassword("admin", "test-admin-password")).isTrue();
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup(Groups.ADMINS).count()).isEqualTo(1);
    }

    @Test
    void shouldShowThePartnerAndTheDossierUnderEachTaskOfTheServiceFilter() {
        var filter = processEngine.getFilterService().createFilterQuery().filterName("Tâches de mon service").singleResult();

        assertThat(filter.getProperties().get("variables").toString()).contains("partnerName", "dossierReference");
    }
}
