package bj.gouv.masm.security;

import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Deploying a model must not run arbitrary code, and approvals cannot be skipped (README, "Security and
 * access"):
 * <ul>
 *   <li>the deployment guard ({@link ModelDeploymentGuard}) checks every new deployment before Camunda's
 *       own deployers (BPMN, DMN, forms) and refuses it as a whole;</li>
 *   <li>expressions resolve only the allowed beans ({@link ModelBeans}): the engine's {@code beans} map,
 *       so even a model that slipped through cannot reach {@code identityService}, {@code runtimeService}
 *       or the application context; scripts get no Spring beans either;</li>
 *   <li>{@link EngineCommandGuard}: administrator-only engine commands.</li>
 * </ul>
 */
@Component
@RequiredArgsConstructor
public class ModelSafetyPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ModelBeans beans;
    private final DeploymentAudit audit;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(0, new ModelDeploymentGuard(new ModelGuard(beans), audit));
        configuration.setCustomPreDeployers(deployers);

        configuration.setBeans(beans.asExpressionBeans());
        // the Spring starter built its expression manager (whole application context) before the plugins ran
        configuration.setExpressionManager(new SpringExpressionManager(context, configuration.getBeans()));

        // one interceptor per chain: an interceptor knows its successor
        configuration.setCustomPreCommandInterceptorsTxRequired(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequired(), new EngineCommandGuard(configuration)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(withGuard(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new EngineCommandGuard(configuration)));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // scripts are refused at deployment; should one run anyway, it gets no Spring bean
        configuration.getResolverFactories().removeIf(factory -> factory.getClass().getName().contains("SpringBeans"));
    }

    private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors, CommandInterceptor guard) {
        List<CommandInterceptor> result = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        result.add(guard);
        return result;
    }
}
