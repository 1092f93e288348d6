package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.support.IntegrationTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** V120 renames the convention events audited as 'Convention' (or 'CONVENTION') to the one spelling. */
class AuditConventionEntityTypeMigrationTests extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldRenameTheOlderSpellingsOfTheConventionEntityType() throws Exception {
        String number = "MIG-" + UUID.randomUUID().toString().substring(0, 8);
        for (String type : new String[] {"Convention", "CONVENTION", "convention", "Partner"}) {
            jdbc.update("insert into audit_event (occurred_at, actor, entity_type, entity_id, action, details) "
                    + "values (now(), 'test', ?, ?, 'ACCREDITATION_REVOKED', 'test')", type, number);
        }
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V120__audit_convention_entity_type.sql")));

        assertThat(jdbc.queryForList("select entity_type from audit_event where entity_id = ? order by id",
                String.class, number)).containsExactly(ConventionService.ENTITY, ConventionService.ENTITY,
                ConventionService.ENTITY, "Partner");
    }
}
