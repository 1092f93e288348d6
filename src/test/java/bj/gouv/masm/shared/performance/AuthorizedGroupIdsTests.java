package bj.gouv.masm.shared.performance;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * The statement AuthorizedGroupIdsPlugin puts in place of Camunda's gives the same groups: on the test's
 * PostgreSQL through the engine, and on H2 (local run, simulator) as plain SQL.
 */
class AuthorizedGroupIdsTests extends IntegrationTestBase {

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    private Set<String> select(String statement) {
        return configuration().getCommandExecutorTxRequired().execute(context -> {
            Set<String> rows = new HashSet<>();
            List<Object> selected = context.getDbSqlSession().getSqlSession().selectList(statement);
            selected.forEach(row -> rows.add((String) row));
            return rows;
        });
    }

    @Test
    void shouldRunTheIndexWalkInsteadOfCamundasWholeTableRead() {
        assertThat(configuration().getDbSqlSessionFactory().mapStatement("selectAuthorizedGroupIds"))
                .isEqualTo("masmSelectAuthorizedGroupIdsByIndex");
    }

    @Test
    void shouldFindTheSameGroupsAsCamundasStatementIncludingANewOne() {
        String group = "essai-groupes-" + UUID.randomUUID().toString().substring(0, 8);
        Authorization grant = processEngine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(Resources.FILTER);
        grant.setResourceId("*");
        grant.addPermission(Permissions.READ);
        processEngine.getAuthorizationService().saveAuthorization(grant);
        try {
            Set<String> walked = select("masmSelectAuthorizedGroupIdsByIndex");
            Set<String> camunda = select("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds");
            camunda.remove(null); // Camunda's caller drops the null of user rows

            assertThat(walked).contains(group, "cps-borgou").isEqualTo(camunda);
        } finally {
            processEngine.getAuthorizationService().deleteAuthorization(grant.getId());
        }
    }

    @Test
    void shouldGiveTheDistinctGroupsOnH2Too() throws Exception {
        Configuration mybatis = new Configuration();
        mybatis.getVariables().setProperty("prefix", "");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AuthorizedGroupIdsPlugin.MAPPER)) {
            new XMLMapperBuilder(in, mybatis, AuthorizedGroupIdsPlugin.MAPPER, mybatis.getSqlFragments()).parse();
        }
        String walk = mybatis.getMappedStatement("masmSelectAuthorizedGroupIdsByIndex").getBoundSql(null).getSql();
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:statements-" + UUID.randomUUID());
             Statement sql = h2.createStatement()) {
            sql.execute("create table ACT_RU_AUTHORIZATION (ID_ varchar(64) primary key, GROUP_ID_ varchar(255))");
            sql.execute("create index ACT_IDX_AUTH_GROUP_ID on ACT_RU_AUTHORIZATION (GROUP_ID_)");
            for (int i = 0; i < 500; i++) {
                sql.execute("insert into ACT_RU_AUTHORIZATION values ('" + i + "', "
                        + (i % 5 == 0 ? "null" : "'groupe-" + (i % 17) + "'") + ")");
            }
            assertThat(rows(sql, walk)).hasSize(17)
                    .isEqualTo(rows(sql, "select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null"));
            sql.execute("delete from ACT_RU_AUTHORIZATION");
            assertThat(rows(sql, walk)).isEmpty();
        }
    }

    private static Set<String> rows(Statement sql, String query) throws Exception {
        Set<String> rows = new HashSet<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
