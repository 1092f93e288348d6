package bj.gouv.masm.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine side of the hardening (README, "Security and access"): the time-limited lockout and reserved user
 * ids ({@link TimedLockIdentityProvider}), the password policy ({@link MasmPasswordPolicy}) and the audit
 * event of every deployment made by a person (Modeler, REST, Cockpit).
 */
@Component
public class SecurityHardeningPlugin extends AbstractProcessEnginePlugin {

    private final Duration lockDuration;
    private final Set<String> exemptPasswords = new LinkedHashSet<>();
    private final ObjectProvider<SecurityAudit> audit;

    public SecurityHardeningPlugin(@Value("${masm.security.lock-duration:PT15M}") Duration lockDuration,
                                   @Value("${masm.demo.enabled:false}") boolean demoUsers,
                                   @Value("${masm.demo.user-password:}") String demoPassword,
                                   @Value("${camunda.bpm.admin-user.password:}") String adminPassword,
                                   ObjectProvider<SecurityAudit> audit) {
        this.lockDuration = lockDuration;
        this.audit = audit;
        if (demoUsers) {
            // the demo users' fixed passwords and the demo administrator's (demo profile and tests only)
            if (!demoPassword.isBlank()) {
                exemptPasswords.add(demoPassword);
            }
            if (!adminPassword.isBlank()) {
                exemptPasswords.add(adminPassword);
            }
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TimedLockIdentityProvider.setLockDuration(lockDuration);
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(TimedLockIdentityProvider.class));
        configuration.setEnablePasswordPolicy(true);
        configuration.setPasswordPolicy(new MasmPasswordPolicy(Set.copyOf(exemptPasswords)));
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(this::recordDeployment);
    }

    /** A new deployment by a person (not the deployment of processes/ at start-up) is an audit event. */
    private void recordDeployment(DeploymentEntity deployment) {
        if (!deployment.isNew() || Context.getCommandContext() == null) {
            return;
        }
        String user = Context.getCommandContext().getAuthenticatedUserId();
        if (user == null) {
            return;
        }
        audit.getObject().record(user, SecurityAudit.DEPLOYMENT, deployment.getId(), "DEPLOYED",
                "Déploiement « " + deployment.getName() + " »" + (deployment.getSource() == null ? ""
                        : " (" + deployment.getSource() + ")") + " : " + String.join(", ",
                        deployment.getResources() == null ? Set.of() : deployment.getResources().keySet()));
    }
}
