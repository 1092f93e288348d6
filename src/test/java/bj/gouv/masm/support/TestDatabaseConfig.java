package bj.gouv.masm.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import bj.gouv.masm.security.IdentitySetup;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;

/**
 * A genuine PostgreSQL server for the tests. It is a bean so that Spring stops it after
 * everything that uses the database (engine, JPA) has shut down.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfig {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @Bean
    @Primary
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(30);
        config.setPoolName("test-postgres");
        return new HikariDataSource(config);
    }

    /**
     * The test users: one per group, with the demo users' ids and the password "demo" (the application
     * itself creates demo users only in the demo profile). After IdentitySetup has created the groups.
     */
    @Bean
    TestUsers testUsers(IdentitySetup identitySetup) {
        return new TestUsers(identitySetup);
    }

    static final class TestUsers implements ApplicationListener<ApplicationReadyEvent>, Ordered {
        private final IdentitySetup identitySetup;

        TestUsers(IdentitySetup identitySetup) {
            this.identitySetup = identitySetup;
        }

        @Override
        public void onApplicationEvent(ApplicationReadyEvent event) {
            identitySetup.createDemoUsers("demo");
        }

        @Override
        public int getOrder() {
            return 11;
        }
    }
}
