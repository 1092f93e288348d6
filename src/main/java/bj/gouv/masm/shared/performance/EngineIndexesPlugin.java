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
 * instead of reading and sorting every task of the office;</li>
 * <li>on PostgreSQL, {@code ACT_RU_TASK(ID_) INCLUDE (ASSIGNEE_, TENANT_ID_, CASE_EXECUTION_ID_, PROC_DEF_ID_)}: the
 * columns the count of an office's queue reads from every task, so that it can read this narrow index instead of
 * the whole task table (when PostgreSQL's {@code random_page_cost} says the data is on SSD or in memory, as in
 * docker-compose.yml; README, "The task page and completions as the record grows").</li>
 * </ul>
 */
@Component
public class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexesPlugin.class);

    /**
     * An index of Camunda's tables: {@code definition} is what follows {@code ON table}; MASM_ tells ours from
     * Camunda's. {@code postgresOnly}: partial or covering indexes, which H2 does not have.
     */
    public record EngineIndex(String name, String table, String definition, boolean postgresOnly) {
    }

    public static final List<EngineIndex> INDEXES = List.of(
            new EngineIndex("MASM_IDX_TASK_PARENT", "ACT_RU_TASK", "(PARENT_TASK_ID_)", false),
            new EngineIndex("MASM_IDX_AUTH_USER_ID", "ACT_RU_AUTHORIZATION", "(USER_ID_)", false),
            new EngineIndex("MASM_IDX_AUTH_GROUP_TASK", "ACT_RU_AUTHORIZATION", "(GROUP_ID_) where RESOURCE_TYPE_ in (6, 7)",
                    true),
            new EngineIndex("MASM_IDX_TASK_DUE_DATE", "ACT_RU_TASK", "(DUE_DATE_)", false),
            new EngineIndex("MASM_IDX_TASK_QUEUE", "ACT_RU_TASK",
                    "(ID_) include (ASSIGNEE_, TENANT_ID_, CASE_EXECUTION_ID_, PROC_DEF_ID_)", true));

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
            for (EngineIndex index : INDEXES) {
                if (index.postgresOnly() && !postgres) {
                    continue;
                }
                statement.execute("create index if not exists " + index.name() + " on " + prefix + index.table()
                        + " " + index.definition());
            }
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // a missing index costs time, not correctness: the application starts anyway
            log.warn("Engine indexes not created: {}", e.getMessage());
        }
    }
}
