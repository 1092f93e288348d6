package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import bj.gouv.masm.MasmApplication;
import bj.gouv.masm.reference.ReferenceDataService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Fail closed: the packaged application started with no profile is production. It refuses to start
 * without MASM_ADMIN_PASSWORD or without its database, and never creates the demo users.
 */
class ProductionStartTests {

    private static SpringApplicationBuilder withoutProfile(String... properties) {
        return new SpringApplicationBuilder(MasmApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).properties(properties);
    }

    @Test
    void shouldRefuseToStartWithoutAProfileAndWithoutTheAdminPassword() {
        assumeThat(System.getenv(AdminPasswordGuard.VARIABLE)).as("no password in this machine's environment").isNull();

        assertThatThrownBy(() -> withoutProfile("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/masm").run())
                .isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class)
                .hasMessageContaining("MASM_ADMIN_PASSWORD");
    }

    @Test
    void shouldRefuseToStartWithoutAProfileAndWithoutTheDatabase() {
        assumeThat(System.getenv(ProductionDatabaseGuard.VARIABLE)).as("no DB_URL in this machine's environment").isNull();

        assertThatThrownBy(() -> withoutProfile("MASM_ADMIN_PASSWORD=s3cret!").run())
                .isInstanceOf(ProductionDatabaseGuard.MissingDatabaseException.class)
                .hasMessageContaining("DB_URL");
    }

    @Test
    void shouldLetTheDemoProfileUseItsOwnDatabase() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/masm");

        assertThatCode(() -> new ProductionDatabaseGuard().postProcessEnvironment(demo, new SpringApplication()))
                .doesNotThrowAnyException();
        assertThatCode(() -> new ProductionDatabaseGuard().postProcessEnvironment(production, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNeverCreateTheDemoUsersOutsideTheDemoProfile() {
        IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        MockEnvironment test = new MockEnvironment();
        test.setActiveProfiles("test");

        new IdentitySetup(identity, mock(ReferenceDataService.class), test, true, "demo").onStart();

        verify(identity, atLeastOnce()).saveGroup(org.mockito.ArgumentMatchers.any());
        verify(identity, never()).newUser(anyString());
    }

    @Test
    void shouldCreateTheDemoUsersInTheDemoProfile() {
        IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");

        // the CPS groups and demo CPS users follow the departments of ref_department
        ReferenceDataService reference = mock(ReferenceDataService.class);
        org.mockito.Mockito.when(reference.list(bj.gouv.masm.reference.ReferenceCategory.DEPARTMENT))
                .thenReturn(java.util.List.of(new bj.gouv.masm.reference.ReferenceItem("BORGOU", "Borgou")));
        new IdentitySetup(identity, reference, demo, true, "demo").onStart();

        verify(identity).newUser("cps.borgou");
    }
}
