package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTests {

    private final AdminPasswordGuard guard = new AdminPasswordGuard();

    @Test
    void shouldRefuseToStartOutsideDemoWithoutAdminPassword() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class)
                .hasMessageContaining("MASM_ADMIN_PASSWORD");
    }

    @Test
    void shouldRefuseABlankAdminPassword() {
        MockEnvironment environment = new MockEnvironment().withProperty("MASM_ADMIN_PASSWORD", "  ");
        environment.setActiveProfiles("postgres");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(AdminPasswordGuard.MissingAdminPasswordException.class);
    }

    @Test
    void shouldStartOutsideDemoWhenAdminPasswordIsSet() {
        MockEnvironment environment = new MockEnvironment().withProperty("MASM_ADMIN_PASSWORD", "s3cret!");
        environment.setActiveProfiles("postgres");

        assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldStartTheDemoProfileWithoutAdminPassword() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo");

        assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .doesNotThrowAnyException();
    }
}
