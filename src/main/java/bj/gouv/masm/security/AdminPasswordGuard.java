package bj.gouv.masm.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Outside the demo profile there is no default password anywhere: the application refuses to
 * start until MASM_ADMIN_PASSWORD is set.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor, Ordered {

    public static final String VARIABLE = "MASM_ADMIN_PASSWORD";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        String password = environment.getProperty(VARIABLE);
        if (password == null || password.isBlank()) {
            throw new MissingAdminPasswordException();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    public static class MissingAdminPasswordException extends IllegalStateException {
        public MissingAdminPasswordException() {
            super(VARIABLE + " is not set: outside the demo profile the administrator 'admin' has no default password.");
        }
    }
}
