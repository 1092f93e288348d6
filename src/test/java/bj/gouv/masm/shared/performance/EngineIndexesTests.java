package bj.gouv.masm.shared.performance;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indexes EngineIndexesPlugin adds to Camunda's schema exist once the engine has started, and again after a rerun. */
class EngineIndexesTests extends IntegrationTestBase {

    @Autowired
    DataSource dataSource;

    private List<String> indexesOf(String table) {
        return new JdbcTemplate(dataSource).queryForList(
                "select indexdef from pg_indexes where tablename = ?", String.class, table);
    }

    @Test
    void shouldIndexTheSubTaskLookupOfEveryTaskCompletion() {
        assertThat(indexesOf("act_ru_task")).anyMatch(d -> d.toLowerCase().contains("(parent_task_id_)"));
    }

    @Test
    void shouldIndexTheUserHalfOfTheAuthorizationCheck() {
        assertThat(indexesOf("act_ru_authorization")).anyMatch(d -> d.toLowerCase().contains("(user_id_)"));
    }

    @Test
    void shouldIndexOnlyTheTaskAndDefinitionRowsOfAGroupForTheTaskList() {
        assertThat(indexesOf("act_ru_authorization")).anyMatch(d -> d.toLowerCase().contains("(group_id_) where")
                && d.contains("6") && d.contains("7"));
    }

    @Test
    void shouldIndexTheDueDateTheOfficesQueueIsSortedBy() {
        assertThat(indexesOf("act_ru_task")).anyMatch(d -> d.toLowerCase().contains("(due_date_)"));
    }

    @Test
    void shouldGiveTheQueueCountTheColumnsItReadsWithoutTheTaskTable() {
        assertThat(indexesOf("act_ru_task")).anyMatch(d -> d.toLowerCase()
                .contains("(id_) include (assignee_, tenant_id_, case_execution_id_, proc_def_id_)"));
    }

    @Test
    void shouldBeIdempotentAtEveryStart() {
        EngineIndexesPlugin.createIndexes(dataSource, "");
        EngineIndexesPlugin.createIndexes(dataSource, "");

        assertThat(indexesOf("act_ru_task").stream().filter(d -> d.toLowerCase().contains("(parent_task_id_)")))
                .hasSize(1);
    }
}
