package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * V70 finds the inline CHECK constraints by their clause, whatever the database named them: on H2 (the demo
 * database) here; PostgreSQL runs it at every integration-test start.
 */
class LifecycleStatusesMigrationTests {

    @Test
    void shouldWidenTheConventionStatusCheckOnH2() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:v70test;DB_CLOSE_DELAY=-1", "sa", "");
             Statement sql = connection.createStatement()) {
            sql.execute("create table convention (id bigint primary key, status varchar(12) not null check (status in "
                    + "('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'RENEWED')))");
            assertThatThrownBy(() -> sql.execute("insert into convention values (1, 'TERMINATED')"))
                    .isInstanceOf(SQLException.class);

            V70__lifecycle_statuses.replaceCheck(connection, "convention", "SUSPENDED", "ck_convention_status",
                    "status in ('ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED', 'RENEWED', 'TERMINATED')");

            sql.execute("insert into convention values (1, 'TERMINATED')");
            assertThatThrownBy(() -> sql.execute("insert into convention values (2, 'PERDUE')"))
                    .isInstanceOf(SQLException.class);
            assertThat(V70__lifecycle_statuses.checkConstraints(connection, "convention", "SUSPENDED"))
                    .containsExactly("CK_CONVENTION_STATUS");
        }
    }
}
