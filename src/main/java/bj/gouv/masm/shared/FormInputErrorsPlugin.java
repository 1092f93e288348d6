package bj.gouv.masm.shared;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task or execution listener throws into "ENGINE-03051 Exception while
 * invoking TaskListener: ...", which Tasklist shows to the clerk and REST answers with 500. This
 * interceptor, outermost (after the rollback), rethrows our {@link FormInputException} itself, so the
 * clerk reads only the French message and REST answers 400.
 */
@Component
public class FormInputErrorsPlugin implements ProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new UnwrapFormInputErrors());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }

    static final class UnwrapFormInputErrors extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                FormInputException input = formInputCause(e);
                if (input != null) {
                    EngineRestFormInputStatusFilter.recordRefusal(input);
                }
                throw input != null ? input : e;
            }
        }

        static FormInputException formInputCause(Throwable error) {
            for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof FormInputException input) {
                    return input;
                }
            }
            return null;
        }
    }
}
