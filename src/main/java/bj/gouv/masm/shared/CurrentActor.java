package bj.gouv.masm.shared;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting right now: the user of an /api request, or the user completing a task in
 * Tasklist / over /engine-rest (Camunda's current authentication); "system" for timers and jobs.
 */
@Component
@RequiredArgsConstructor
public class CurrentActor {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    public String userId() {
        Authentication camunda = identityService.getCurrentAuthentication();
        if (camunda != null && camunda.getUserId() != null) {
            return camunda.getUserId();
        }
        var spring = SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.isAuthenticated() && spring.getName() != null
                && !"anonymousUser".equals(spring.getName())) {
            return spring.getName();
        }
        return SYSTEM;
    }

    public List<String> groupIds() {
        Authentication camunda = identityService.getCurrentAuthentication();
        if (camunda != null && camunda.getGroupIds() != null) {
            return camunda.getGroupIds();
        }
        return List.of();
    }
}
