package bj.gouv.masm.partners;

import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty registry with the demo partners of {@link DemoPartnerGenerator} when
 * {@code masm.demo.data-enabled=true} (demo profile). Runs once the application is ready, order 20
 * (after the groups and demo users, order 10): other features' demo data that needs partners
 * should listen with a higher order. Every generated partner goes through the registry's validation.
 */
@Component
@ConditionalOnProperty(name = "masm.demo.data-enabled", havingValue = "true")
public class DemoPartnerLoader {

    public static final int ORDER = 20;
    private static final Logger log = LoggerFactory.getLogger(DemoPartnerLoader.class);

    private final PartnerRepository repository;
    private final PartnerValidator validator;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public DemoPartnerLoader(PartnerRepository repository, PartnerValidator validator, AuditTrail auditTrail,
                             Clock clock, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.validator = validator;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(ORDER)
    public void onStart() {
        if (repository.count() > 0) {
            return;
        }
        long started = System.nanoTime();
        int loaded = load(new DemoPartnerGenerator().generate());
        log.info("Demo data: {} partners generated in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
    }

    /** Saves the partners in one transaction (all or nothing) and records one audit event. */
    public int load(List<PartnerRequest> requests) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Partner> partners = new ArrayList<>(requests.size());
        for (PartnerRequest request : requests) {
            Partner partner = validator.validate(request).toNewPartner();
            partner.touch(CurrentActor.SYSTEM, now);
            partners.add(partner);
        }
        transaction.executeWithoutResult(tx -> {
            repository.saveAll(partners);
            auditTrail.record(PartnerService.AUDIT_ENTITY, "demo", "DEMO_DATA_LOADED",
                    partners.size() + " partenaires de démonstration générés (noms inventés sauf les PTF réels)");
        });
        return partners.size();
    }
}
