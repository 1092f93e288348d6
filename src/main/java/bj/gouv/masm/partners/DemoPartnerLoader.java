package bj.gouv.masm.partners;

import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private static final int BATCH_SIZE = 200;
    private static final Logger log = LoggerFactory.getLogger(DemoPartnerLoader.class);

    private final PartnerRepository repository;
    private final PartnerValidator validator;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public DemoPartnerLoader(PartnerRepository repository, PartnerValidator validator, AuditTrail auditTrail,
                             Clock clock, PlatformTransactionManager transactionManager, JdbcTemplate jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
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

    /**
     * Saves the partners in one transaction (all or nothing) with JDBC batches (a few statements
     * instead of thousands: the start stays fast) and records one audit event. Runs only on an empty
     * registry, so the partners read back after the insert are exactly the generated ones.
     */
    public int load(List<PartnerRequest> requests) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Partner> partners = new ArrayList<>(requests.size());
        for (PartnerRequest request : requests) {
            Partner partner = validator.validate(request).toNewPartner();
            partner.touch(CurrentActor.SYSTEM, now);
            partners.add(partner);
        }
        transaction.executeWithoutResult(tx -> {
            jdbc.batchUpdate("insert into partner (name, normalised_name, acronym, kind, organisation_type, "
                    + "registration_number, head_office_department, nationwide, contact_name, email, phone, address, "
                    + "created_at, created_by, updated_at, updated_by, version) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", partners, BATCH_SIZE, (ps, p) -> {
                        ps.setString(1, p.getName());
                        ps.setString(2, p.getNormalisedName());
                        ps.setString(3, p.getAcronym());
                        ps.setString(4, p.getKind().name());
                        ps.setString(5, p.getOrganisationType());
                        ps.setString(6, p.getRegistrationNumber());
                        ps.setString(7, p.getHeadOfficeDepartment());
                        ps.setBoolean(8, p.isNationwide());
                        ps.setString(9, p.getContactName());
                        ps.setString(10, p.getEmail());
                        ps.setString(11, p.getPhone());
                        ps.setString(12, p.getAddress());
                        ps.setObject(13, p.getCreatedAt());
                        ps.setString(14, p.getCreatedBy());
                        ps.setObject(15, p.getUpdatedAt());
                        ps.setString(16, p.getUpdatedBy());
                    });
            Map<String, Long> ids = new HashMap<>();
            jdbc.query("select id, kind, normalised_name from partner",
                    rs -> {
                        ids.put(rs.getString("kind") + "|" + rs.getString("normalised_name"), rs.getLong("id"));
                    });
            insertCodes("partner_sub_sector", partners, ids, Partner::getSubSectors);
            insertCodes("partner_domain", partners, ids, Partner::getDomains);
            insertCodes("partner_target_group", partners, ids, Partner::getTargetGroups);
            insertCodes("partner_department", partners, ids, Partner::getDepartments);
            auditTrail.record(PartnerService.AUDIT_ENTITY, "demo", "DEMO_DATA_LOADED",
                    partners.size() + " partenaires de démonstration générés (noms inventés sauf les PTF réels)");
        });
        return partners.size();
    }

    private void insertCodes(String table, List<Partner> partners, Map<String, Long> ids,
                             Function<Partner, Set<String>> codes) {
        List<Object[]> rows = new ArrayList<>();
        for (Partner partner : partners) {
            Long id = ids.get(partner.getKind().name() + "|" + partner.getNormalisedName());
            codes.apply(partner).forEach(code -> rows.add(new Object[] {id, code}));
        }
        jdbc.batchUpdate("insert into " + table + " (partner_id, code) values (?, ?)", rows);
    }
}
