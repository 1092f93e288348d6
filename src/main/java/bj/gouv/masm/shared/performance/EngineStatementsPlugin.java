package bj.gouv.masm.shared.performance;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Replaces, on every database, Camunda statements whose cost grows with the record by statements that give
 * the same rows (README, "Performance"): {@code selectAuthorizedGroupIds}, which every authorized engine
 * command runs once (Camunda intersects the user's groups with the groups that have any authorization),
 * read the whole authorization table; {@code masmSelectAuthorizedGroupIdsByIndex} walks its group index.
 * Off with {@code masm.performance.engine-statements: false}.
 */
@Component
public class EngineStatementsPlugin extends AbstractProcessEnginePlugin {

    static final String MAPPER = "bj/gouv/masm/shared/performance/AuthorizationStatements.xml";
    static final Map<String, String> REPLACED = Map.of(
            "selectAuthorizedGroupIds", "masmSelectAuthorizedGroupIdsByIndex");

    private final boolean enabled;

    public EngineStatementsPlugin(@Value("${masm.performance.engine-statements:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (enabled) {
            replace(configuration, MAPPER, REPLACED);
        }
    }

    /**
     * Parses {@code mapperResource} into the engine's MyBatis configuration (its {@code ${prefix}} and Camunda's
     * SQL fragments resolve as in Camunda's own mappings) and has the engine run, for each Camunda statement id
     * of {@code replacements}, the statement it names instead.
     */
    public static void replace(ProcessEngineConfigurationImpl configuration, String mapperResource,
                               Map<String, String> replacements) {
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!mybatis.isResourceLoaded(mapperResource)) {
            try (InputStream in = EngineStatementsPlugin.class.getClassLoader().getResourceAsStream(mapperResource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing engine statements " + mapperResource);
                }
                new XMLMapperBuilder(in, mybatis, mapperResource, mybatis.getSqlFragments()).parse();
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable engine statements " + mapperResource, e);
            }
        }
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        // a copy: the map Camunda hands out is shared by every engine of the same database type
        Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
                : new HashMap<>(sessions.getStatementMappings());
        mappings.putAll(replacements);
        sessions.setStatementMappings(mappings);
    }
}
