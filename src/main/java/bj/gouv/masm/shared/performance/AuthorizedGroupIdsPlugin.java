package bj.gouv.masm.shared.performance;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every authorized engine command asks once which groups have any authorization at all (Camunda intersects
 * the user's groups with them): {@code selectAuthorizedGroupIds}, "select distinct GROUP_ID_" over the whole
 * authorization table, three rows per open case — the one statement of a task completion whose cost grew with
 * the record. On every database it runs as {@code masmSelectAuthorizedGroupIdsByIndex}
 * ({@code AuthorizationStatements.xml}): the same groups, read as a walk along Camunda's GROUP_ID_ index, one
 * probe per distinct group. Off with {@code masm.performance.authorized-groups-walk: false}.
 */
@Component
public class AuthorizedGroupIdsPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(AuthorizedGroupIdsPlugin.class);

    static final String MAPPER = "bj/gouv/masm/shared/performance/AuthorizationStatements.xml";
    static final Map<String, String> STATEMENTS = Map.of(
            "selectAuthorizedGroupIds", "masmSelectAuthorizedGroupIdsByIndex");

    private final boolean enabled;

    public AuthorizedGroupIdsPlugin(@Value("${masm.performance.authorized-groups-walk:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled) {
            return;
        }
        try {
            EngineStatements.registerMapper(configuration.getSqlSessionFactory().getConfiguration(), MAPPER,
                    STATEMENTS.values());
            mapStatements(configuration.getDbSqlSessionFactory(), true);
        } catch (RuntimeException | IOException e) {
            // slower, not wrong: Camunda's statement stays in use
            log.warn("Authorized groups statement not replaced, Camunda's stays in use: {}", e.toString());
        }
    }

    /** The walk ({@code true}) or Camunda's own statement: for the tests and the benchmark comparing both. */
    public static void mapStatements(DbSqlSessionFactory sessionFactory, boolean walk) {
        EngineStatements.map(sessionFactory, STATEMENTS, walk);
    }
}
