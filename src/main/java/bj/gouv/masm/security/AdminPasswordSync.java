package bj.gouv.masm.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The starter creates {@code admin} only once; when MASM_ADMIN_PASSWORD is set, it stays the
 * administrator's password across restarts (rotating the variable rotates the password, and unlocks the
 * account: it is how the operators take it back after it was locked).
 *
 * <p>The stored password is compared with the variable through the engine's password manager, not
 * {@code IdentityService.checkPassword}: that one counts a wrong password as a failed login (attempt counter,
 * delay, lock), which changed the user row under the update that follows — so a restart with a new password
 * failed with an optimistic locking error instead of rotating it.
 */
@Component
public class AdminPasswordSync {

    private static final Logger log = LoggerFactory.getLogger(AdminPasswordSync.class);
    static final String ADMIN = "admin";

    private final ProcessEngine processEngine;
    private final String password;
    private final String userId;

    @Autowired
    public AdminPasswordSync(ProcessEngine processEngine,
                             @Value("${" + AdminPasswordGuard.VARIABLE + ":}") String password) {
        this(processEngine, password, ADMIN);
    }

    AdminPasswordSync(ProcessEngine processEngine, String password, String userId) {
        this.processEngine = processEngine;
        this.password = password;
        this.userId = userId;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void synchronise() {
        if (password.isBlank()) {
            return;
        }
        IdentityService identity = processEngine.getIdentityService();
        User admin = identity.createUserQuery().userId(userId).singleResult();
        if (admin instanceof UserEntity stored && !isStoredPassword(stored)) {
            admin.setPassword(password);
            identity.saveUser(admin);
            identity.unlockUser(userId);
            log.info("Administrator password updated from {}", AdminPasswordGuard.VARIABLE);
        }
    }

    private boolean isStoredPassword(UserEntity stored) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        return stored.getPassword() != null
                && configuration.getPasswordManager().check(
                        EncryptionUtil.saltPassword(password, stored.getSalt()),
                        stored.getPassword());
    }
}
