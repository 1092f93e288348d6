package bj.gouv.masm.shared.performance;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, Camunda's task query ({@code TaskService.createTaskQuery()}, Tasklist, {@code /engine-rest/task}
 * and its count) runs as the variant in {@code TaskQueryPostgres.xml}: Camunda's statements with the
 * authorization check written as {@code EXISTS} per permission check instead of a join whose cost grows with
 * the square of an office's open tasks (README, "The task page and completions as the record grows").
 *
 * <p>The mapper is parsed into the engine's MyBatis configuration and the two statement ids are mapped to it
 * the way Camunda maps its own database-specific statements ({@link DbSqlSessionFactory#mapStatement}).
 * H2 (local run, simulator) and {@code masm.performance.task-query-variant: false} keep Camunda's SQL; so does
 * any query {@link #existsCheckApplies} does not accept (e.g. revoke checks on), inside the variant itself.
 */
@Component
public class TaskQueryVariantPlugin extends StatementReplacementPlugin {

    public static final String MAPPER = "bj/gouv/masm/shared/performance/TaskQueryPostgres.xml";

    /** Camunda's statement id → the variant's. */
    public static final Map<String, String> STATEMENTS = Map.of(
            "selectTaskByQueryCriteria", "selectTaskByQueryCriteria_masmPostgres",
            "selectTaskCountByQueryCriteria", "selectTaskCountByQueryCriteria_masmPostgres");

    public TaskQueryVariantPlugin(@Value("${masm.performance.task-query-variant:true}") boolean enabled) {
        super(enabled, MAPPER, STATEMENTS, "Task query: PostgreSQL variant with the authorization check as EXISTS");
    }

    @Override
    boolean appliesTo(ProcessEngineConfigurationImpl configuration) {
        return DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType());
    }

    static void registerMapper(Configuration configuration) throws IOException {
        EngineStatements.registerMapper(configuration, MAPPER, STATEMENTS.values());
    }

    /**
     * Maps Camunda's two statement ids to the variant ({@code true}, the mapper must have been registered) or
     * back to Camunda's own statements ({@code false}): for the tests and the benchmark comparing both.
     */
    public static void mapStatements(DbSqlSessionFactory sessionFactory, boolean variant) {
        EngineStatements.map(sessionFactory, STATEMENTS, variant);
    }

    /**
     * Whether the variant's EXISTS check is exactly the check Camunda's join performs for this query: the
     * authorization check is on, without revoke checks, and made of atomic checks only, any of which suffices,
     * each on a resource of the row ({@code RES.ID_}, {@code D.KEY_}) — what
     * {@code AuthorizationManager.configureTaskQuery} builds. Anything else runs Camunda's own check (called by
     * the mapper for every task query).
     */
    public static boolean existsCheckApplies(AuthorizationCheck check) {
        if (check == null || !check.getShouldPerformAuthorizatioCheck() || check.getAuthUserId() == null
                || check.isRevokeAuthorizationCheckEnabled()) {
            return false;
        }
        CompositePermissionCheck permissions = check.getPermissionChecks();
        if (permissions == null || !permissions.isDisjunctive()
                || (permissions.getCompositeChecks() != null && !permissions.getCompositeChecks().isEmpty())) {
            return false;
        }
        List<PermissionCheck> atomic = permissions.getAtomicChecks();
        if (atomic == null || atomic.isEmpty()) {
            return false;
        }
        for (PermissionCheck permission : atomic) {
            String column = permission.getResourceIdQueryParam();
            if (permission.getResourceId() != null || column == null || !column.matches("[A-Z][A-Z0-9]*\\.[A-Z_]+")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the query's candidate criteria (candidate user, groups, group pattern, with candidate groups or
     * users) can be asked as "one of the task's candidate links matches" ({@code EXISTS} on the identity
     * links) instead of Camunda's left join of every link of the task: a single query (no {@code or()}, whose
     * criteria share the joined link) that selects by candidates and not by involved user (which mixes the
     * link with the task's assignee and owner). Same tasks: Camunda's join keeps a task when one of its links
     * satisfies all of the block's conditions, which is what the {@code EXISTS} asks.
     */
    public static boolean candidateLinkAsExists(TaskQueryImpl query) {
        List<TaskQueryImpl> queries = query.getQueries();
        if (queries == null || queries.size() != 1) {
            return false;
        }
        TaskQueryImpl only = queries.get(0);
        return selectsByCandidates(only) && only.getInvolvedUser() == null;
    }

    /**
     * Whether the variant's statement cannot return a task twice, so that it needs no {@code DISTINCT} (which
     * would make PostgreSQL read and sort every matching task before the first page): no join that can
     * repeat a task remains — no authorization join (unless the check is written as EXISTS:
     * {@code authCheckAsExists}, from {@link #existsCheckApplies}), no identity-link join (unless
     * {@code candidateLinkAsExists}, from {@link #candidateLinkAsExists}), no ordering by a variable (a joined
     * table). The mapper passes what it has already decided for the query.
     */
    public static boolean rowsAreDistinct(TaskQueryImpl query, boolean authCheckAsExists, boolean candidateLinkAsExists) {
        AuthorizationCheck check = query.getAuthCheck();
        boolean authorizationJoin = check != null && check.getShouldPerformAuthorizatioCheck()
                && check.getAuthUserId() != null && !authCheckAsExists;
        if (authorizationJoin) {
            return false;
        }
        for (TaskQueryImpl each : query.getQueries()) {
            if ((selectsByCandidates(each) || each.getInvolvedUser() != null) && !candidateLinkAsExists) {
                return false;
            }
        }
        List<QueryOrderingProperty> ordering = query.getOrderingProperties();
        return ordering == null || ordering.stream().allMatch(property -> property.getRelation() == null);
    }

    /**
     * A list that ends within this many tasks (first result + max results) is a page: its grants are looked up
     * per task (see isPageInIndexOrder).
     */
    static final int PAGE_SIZE_LIMIT = 100;

    /** Task columns with an index (Camunda's or EngineIndexesPlugin's) that a page can be read in the order of. */
    static final Set<String> INDEXED_ORDER = Set.of("DUE_DATE_", "CREATE_TIME_", "LAST_UPDATED_");

    /**
     * Whether a list should look up the user's grants task by task (an index probe per task the page reads)
     * rather than let PostgreSQL hash every grant of the office first: a page (ending within the first
     * {@value #PAGE_SIZE_LIMIT} tasks) in the order of an indexed column — without DISTINCT (the mapper adds
     * that condition), PostgreSQL then reads the tasks in that order and stops after the page, so it checks a
     * few dozen tasks, while the hash costs as many rows as the office has open tasks. (PostgreSQL picks the
     * hash from its estimate of all the rows, not the page's.) Counts and long lists keep the hash, cheaper when
     * every task is checked.
     */
    public static boolean isPageInIndexOrder(TaskQueryImpl query) {
        long rowsToCheck = (long) query.getFirstResult() + query.getMaxResults(); // a deep page checks those before it
        List<QueryOrderingProperty> ordering = query.getOrderingProperties();
        return rowsToCheck <= PAGE_SIZE_LIMIT && ordering != null && !ordering.isEmpty()
                && ordering.get(0).getQueryProperty() != null
                && INDEXED_ORDER.contains(ordering.get(0).getQueryProperty().getName());
    }

    /** The criteria for which Camunda's statement joins the identity links (besides the involved user). */
    private static boolean selectsByCandidates(TaskQueryImpl query) {
        return query.getCandidateUser() != null || query.getCandidateGroups() != null
                || query.getCandidateGroupLike() != null || Boolean.TRUE.equals(query.isWithCandidateGroups())
                || Boolean.TRUE.equals(query.isWithCandidateUsers());
    }
}
