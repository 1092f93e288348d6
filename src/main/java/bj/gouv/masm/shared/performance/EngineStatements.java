package bj.gouv.masm.shared.performance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.builder.xml.XMLStatementBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Our SQL in place of some of Camunda's statements, the way Camunda maps its own database-specific
 * statements ({@link DbSqlSessionFactory#mapStatement}): a MyBatis mapper of ours is parsed into the engine's
 * configuration (its {@code ${prefix}} and Camunda's SQL fragments resolve as in Camunda's own mappings), then
 * Camunda's statement ids are mapped to ours. Statement ids must be unique short names: MyBatis resolves
 * Camunda's short ids, which must stay unambiguous.
 */
final class EngineStatements {

    private EngineStatements() {
    }

    /**
     * Parses the mapper into the engine's MyBatis configuration; fails, leaving nothing MyBatis would retry, if
     * one of {@code statementIds} is not complete. A statement whose fragments are missing (another Camunda
     * version, Operaton's package names) would otherwise stay "incomplete" and MyBatis would try it again, and
     * fail, at every statement lookup of the engine.
     */
    static void registerMapper(Configuration configuration, String mapperResource, Collection<String> statementIds)
            throws IOException {
        if (!configuration.isResourceLoaded(mapperResource)) {
            List<XMLStatementBuilder> before = new ArrayList<>(configuration.getIncompleteStatements());
            try (InputStream in = EngineStatements.class.getClassLoader().getResourceAsStream(mapperResource)) {
                if (in == null) {
                    throw new IllegalStateException(mapperResource + " not found");
                }
                new XMLMapperBuilder(in, configuration, mapperResource, configuration.getSqlFragments()).parse();
            } finally {
                configuration.getIncompleteStatements().removeIf(statement -> !before.contains(statement));
            }
        }
        for (String statement : statementIds) {
            if (!configuration.hasStatement(statement, false)) {
                throw new IllegalStateException(statement + " incomplete in " + mapperResource);
            }
        }
    }

    /**
     * Maps Camunda's statement ids (keys) to ours (values), or back to Camunda's own ({@code replace} false:
     * for the tests and the benchmark comparing both).
     */
    static void map(DbSqlSessionFactory sessionFactory, Map<String, String> replacements, boolean replace) {
        // a new map each time: Camunda's per-database map is static (shared by every engine of the JVM) and
        // queries running meanwhile keep reading a complete one
        Map<String, String> mappings = sessionFactory.getStatementMappings() == null
                ? new HashMap<>() : new HashMap<>(sessionFactory.getStatementMappings());
        if (replace) {
            mappings.putAll(replacements);
        } else {
            replacements.keySet().forEach(mappings::remove);
        }
        sessionFactory.setStatementMappings(mappings);
    }
}
