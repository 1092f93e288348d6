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
 * user half scanned every row — three per open case (task, process instance, its history);</li>
 * <li>on PostgreSQL, {@code ACT_RU_AUTHORIZATION(GROUP_ID_) WHERE RESOURCE_TYPE_ IN (6, 7)}: the group half
 * of the task list's check only wants task (7) and process-definition (6) rows, but Camunda's group index
 * also returns every process-instance and history row of the department's access rules
 * ({@code security.DepartmentAccessPlugin}: two per case, kept with the history), a number that grows with
 * the department's whole record; this partial index holds only the task and definition rows (H2 has no
 * partial indexes: skipped there);</li>
 * <li>{@code ACT_RU_TASK(DUE_DATE_)}: the office's queue is sorted by due date (« Tâches de mon service »,
 * the task page); with it the first page reads the most urgent tasks in order and stops after the page,
 * instead of reading and sorting every task of the office.</li>
 * </ul>
 */
@Component
public class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexesPlugin.class);

    /** Name, table, columns and (PostgreSQL only) the predicate of a partial index; MASM_ tells them from Camunda's. */
    public static final List<String[]> INDEXES = List.of(
            new String[] {"MASM_IDX_TASK_PARENT", "ACT_RU_TASK", "PARENT_TASK_ID_", null},
            new String[] {"MASM_IDX_AUTH_USER_ID", "ACT_RU_AUTHORIZATION", "USER_ID_", null},
            new String[] {"MASM_IDX_AUTH_GROUP_TASK", "ACT_RU_AUTHORIZATION", "GROUP_ID_", "RESOURCE_TYPE_ in (6, 7)"},
            new String[] {"MASM_IDX_TASK_DUE_DATE", "ACT_RU_TASK", "DUE_DATE_", null});

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
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            for (String[] index : INDEXES) {
                if (index[3] != null && !postgres) {
                    continue;
                }
                statement.execute("create index if not exists " + index[0] + " on " + prefix + index[1]
                        + " (" + index[2] + ")" + (index[3] == null ? "" : " where " + index[3]));
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // a missing index costs time, not correctness: the application starts anyway
            log.warn("Engine indexes not created: {}", e.getMessage());
        }
    }
}
