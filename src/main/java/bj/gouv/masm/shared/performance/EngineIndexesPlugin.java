package bj.gouv.masm.shared.performance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's own schema lacks for queries whose cost would otherwise grow with the number of open
 * cases (README, "Performance"). Camunda creates its tables itself when the engine starts (after Flyway has
 * run), so they are added here, right after the engine's schema operations, with {@code IF NOT EXISTS}
 * (idempotent at every start, on PostgreSQL and H2):
 * <ul>
 * <li>{@code ACT_RU_TASK(PARENT_TASK_ID_)}: every task completion looks for sub-tasks of the task
 * ({@code TaskManager.findTasksByParentTaskId}), a sequential scan of all open tasks without it;</li>
 * <li>{@code ACT_RU_AUTHORIZATION(USER_ID_)}: every authorized query of a user (the task list of a clerk)
 * selects the authorization rows "of the user or of its groups"; only the group half had an index, so the
 * user half scanned every row — three per open case (task, process instance, its history).</li>
 * </ul>
 */
@Component
public class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexesPlugin.class);

    /** Name → column list; the names keep Camunda's ACT_IDX_ prefix with MASM_ to tell them apart. */
    public static final List<String[]> INDEXES = List.of(
            new String[] {"MASM_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_"},
            new String[] {"MASM_IDX_AUTH_USER_ID", "ACT_RU_AUTHORIZATION", "USER_ID_"});

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        createIndexes(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
    }

    public static void createIndexes(DataSource dataSource, String tablePrefix) {
        String prefix = tablePrefix == null ? "" : tablePrefix;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true);
            for (String[] index : INDEXES) {
                statement.execute("create index if not exists " + index[0] + " on " + prefix + index[1]
                        + " (" + index[2] + ")");
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // a missing index costs time, not correctness: the application starts anyway
            log.warn("Engine indexes not created: {}", e.getMessage());
        }
    }
}
