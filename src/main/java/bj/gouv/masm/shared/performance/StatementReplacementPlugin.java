package bj.gouv.masm.shared.performance;

import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin that, once the engine is configured, runs some of Camunda's statements as ours
 * ({@link EngineStatements}): our mapper parsed into the engine's MyBatis configuration, Camunda's statement ids
 * mapped to ours. When that fails (another Camunda version, say), the engine keeps Camunda's statements —
 * slower, not wrong — and says so in the log.
 */
abstract class StatementReplacementPlugin extends AbstractProcessEnginePlugin {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final boolean enabled;
    private final String mapper;
    private final Map<String, String> statements;
    private final String what;

    /** {@code statements}: Camunda's statement id → ours; {@code what}: what the log calls the replacement. */
    StatementReplacementPlugin(boolean enabled, String mapper, Map<String, String> statements, String what) {
        this.enabled = enabled;
        this.mapper = mapper;
        this.statements = statements;
        this.what = what;
    }

    /** Whether the replacement is for this engine's database (every database unless overridden). */
    boolean appliesTo(ProcessEngineConfigurationImpl configuration) {
        return true;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled || !appliesTo(configuration)) {
            return;
        }
        try {
            EngineStatements.registerMapper(configuration.getSqlSessionFactory().getConfiguration(), mapper,
                    statements.values());
            EngineStatements.map(configuration.getDbSqlSessionFactory(), statements, true);
            log.info("{} ({})", what, mapper);
        } catch (RuntimeException | IOException e) {
            log.warn("{} not registered, Camunda's statements stay in use: {}", what, e.toString());
        }
    }
}
