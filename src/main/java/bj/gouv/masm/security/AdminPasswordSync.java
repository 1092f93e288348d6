package bj.gouv.masm.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The starter creates {@code admin} only once; when MASM_ADMIN_PASSWORD is set, it stays the
 * administrator's password across restarts (rotating the variable rotates the password).
 */
@Component
public class AdminPasswordSync {

    private static final Logger log = LoggerFactory.getLogger(AdminPasswordSync.class);
    static final String ADMIN = "admin";

    private final IdentityService identityService;
    private final String password;

    public AdminPasswordSync(IdentityService identityService,
                             @Value("${" + AdminPasswordGuard.VARIABLE + ":}") String password) {
        this.identityService = identityService;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void synchronise() {
        if (password.isBlank()) {
            return;
        }
        User admin = identityService.createUserQuery().userId(ADMIN).singleResult();
        if (admin != null && !identityService.checkPassword(ADMIN, password)) {
            admin.setPassword(password);
            identityService.saveUser(admin);
            log.info("Administrator password updated from {}", AdminPasswordGuard.VARIABLE);
        }
    }
}
