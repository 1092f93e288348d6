package bj.gouv.masm.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A clerk's refused entry is not a server error: the engine logs every exception that ends a command at ERROR
 * with its stack trace ({@code ENGINE-16004 Exception while closing command context}), so each refused form
 * (a {@link FormInputException} from a listener: the clerk reads the French message, REST answers 400) would
 * raise an alert in the operators' logs. Those events are logged on one INFO line instead; every other
 * exception of a command keeps its ERROR and stack trace.
 */
@Component
public class FormRefusalLogFilter extends TurboFilter {

    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(FormRefusalLogFilter.class);

    public FormRefusalLogFilter() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getTurboFilterList().removeIf(filter -> filter instanceof FormRefusalLogFilter);
            context.addTurboFilter(this);
            start();
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        FormInputException refusal = FormInputErrorsPlugin.UnwrapFormInputErrors.formInputCause(t);
        if (refusal == null && params != null) {
            for (Object param : params) {
                if (param instanceof Throwable thrown && (refusal = FormInputErrorsPlugin.UnwrapFormInputErrors
                        .formInputCause(thrown)) != null) {
                    break;
                }
            }
        }
        if (refusal == null) {
            return FilterReply.NEUTRAL;
        }
        log.info("Saisie refusée : {}", refusal.getMessage());
        return FilterReply.DENY;
    }
}
