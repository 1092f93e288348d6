package bj.gouv.masm.security;

import bj.gouv.masm.shared.AuditTrail;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who deployed what, and when, in the audit trail (entity type {@code deployment}, action
 * {@code DEPLOYED}): deployments from Camunda Modeler over /engine-rest are recorded in their own
 * transaction; the deployments made while the application starts (before the audit trail can be used)
 * are recorded as soon as it is ready, as the system.
 */
@Component
@RequiredArgsConstructor
public class DeploymentAudit {

    public static final String ENTITY = "deployment";

    private final ObjectProvider<AuditTrail> audit;
    private final ObjectProvider<PlatformTransactionManager> transactions;
    private final List<String[]> pending = new ArrayList<>();
    private volatile boolean ready;

    /** Called by the deployment guard inside the deployment's transaction. */
    public void deployed(String deploymentId, String details) {
        if (ready && TransactionSynchronizationManager.isActualTransactionActive()) {
            audit.getObject().record(ENTITY, deploymentId, "DEPLOYED", details);
            return;
        }
        synchronized (pending) {
            pending.add(new String[] {deploymentId, details});
        }
        if (ready) {
            flush();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void onReady() {
        ready = true;
        flush();
    }

    private void flush() {
        List<String[]> events;
        synchronized (pending) {
            events = new ArrayList<>(pending);
            pending.clear();
        }
        if (events.isEmpty()) {
            return;
        }
        new TransactionTemplate(transactions.getObject()).executeWithoutResult(status -> events.forEach(event ->
                audit.getObject().record(ENTITY, event[0], "DEPLOYED", event[1])));
    }
}
