package bj.gouv.masm.shared.performance;

import java.util.Map;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
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
public class AuthorizedGroupIdsPlugin extends StatementReplacementPlugin {

    static final String MAPPER = "bj/gouv/masm/shared/performance/AuthorizationStatements.xml";
    static final Map<String, String> STATEMENTS = Map.of(
            "selectAuthorizedGroupIds", "masmSelectAuthorizedGroupIdsByIndex");

    public AuthorizedGroupIdsPlugin(@Value("${masm.performance.authorized-groups-walk:true}") boolean enabled) {
        super(enabled, MAPPER, STATEMENTS, "Authorized groups: read along the GROUP_ID_ index");
    }

    /** The walk ({@code true}) or Camunda's own statement: for the tests and the benchmark comparing both. */
    public static void mapStatements(DbSqlSessionFactory sessionFactory, boolean walk) {
        EngineStatements.map(sessionFactory, STATEMENTS, walk);
    }
}
