package bj.gouv.masm.security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Fail closed: without the demo profile the application is production and needs its PostgreSQL
 * database (DB_URL). It refuses to start rather than fall back on an embedded or file database.
 */
public class ProductionDatabaseGuard implements EnvironmentPostProcessor, Ordered {

    public static final String VARIABLE = "DB_URL";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            throw new MissingDatabaseException();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    public static class MissingDatabaseException extends IllegalStateException {
        public MissingDatabaseException() {
            super(VARIABLE + " is not set: without the demo profile the application runs as production and needs its "
                    + "PostgreSQL database (DB_URL, DB_USER, DB_PASSWORD), e.g. jdbc:postgresql://db:5432/masm. "
                    + "For a local trial, start the demo profile (./mvnw spring-boot:run, or --spring.profiles.active=demo).");
        }
    }
}
