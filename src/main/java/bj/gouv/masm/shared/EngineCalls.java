package bj.gouv.masm.shared;

import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs an engine call on behalf of our API after the API has checked the caller's rights itself
 * (AccessScope): the engine's own authorization check is skipped for that call only, the caller's
 * authentication is restored afterwards. Our tables still record the real user (CurrentActor falls
 * back to the Spring Security user).
 */
@Component
@RequiredArgsConstructor
public class EngineCalls {

    private final IdentityService identityService;
    private final RuntimeService runtimeService;

    /**
     * As the system, sends {@code message} to every waiting instance whose process variable {@code key} equals
     * {@code value}, setting {@code variable} to {@code variableValue}; no instance waiting is not an error.
     */
    public void correlateAll(String message, String key, Object value, String variable, Object variableValue) {
        asSystem(() -> runtimeService.createMessageCorrelation(message).processInstanceVariableEquals(key, value)
                .setVariable(variable, variableValue).correlateAllWithResult());
    }

    public <T> T asSystem(Supplier<T> call) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current == null) {
            return call.get();
        }
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            identityService.setAuthentication(current);
        }
    }

    public void asSystem(Runnable call) {
        asSystem(() -> {
            call.run();
            return null;
        });
    }
}
