package bj.gouv.masm.security;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the contract on every start (idempotent) and, in the demo profile only,
 * one demo user per group. Outside the demo profile users are managed in Camunda Admin: the demo
 * users are never created there, whatever {@code masm.demo.enabled} says.
 */
@Component
public class IdentitySetup {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final ReferenceDataService referenceData;
    private final boolean demo;
    private final String demoPassword;

    public IdentitySetup(IdentityService identityService, ReferenceDataService referenceData, Environment environment,
                         @Value("${masm.demo.enabled:false}") boolean demo,
                         @Value("${masm.demo.user-password:}") String demoPassword) {
        this.identityService = identityService;
        this.referenceData = referenceData;
        this.demo = demo && environment.acceptsProfiles(Profiles.of("demo"));
        this.demoPassword = demoPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void onStart() {
        createGroups();
        if (demo && !demoPassword.isBlank()) {
            createDemoUsers(demoPassword);
        }
    }

    public void createGroups() {
        for (String department : departments()) {
            ensureGroup(Groups.cps(department), "CPS " + referenceData.label(ReferenceCategory.DEPARTMENT, department), "CPS");
        }
        ensureGroup(Groups.DPAF, "DPAF — Planification, Administration et Finances", "CENTRAL");
        ensureGroup(Groups.SGM, "SGM — Secrétariat général", "CENTRAL");
        ensureGroup(Groups.OFFE, "OFFE — Observatoire", "CENTRAL");
        ensureGroup(Groups.CABINET, "Cabinet du Ministre", "CENTRAL");
        ensureGroup(Groups.MANAGERS, "Responsables (suivi)", "MONITORING");
        ensureGroup(Groups.ANALYSTS, "Analystes des procédures", "MODELLING");
        ensureGroup(Groups.ADMINS, "Administrateurs", "SYSTEM");
    }

    /** Demo users: {@code cps.<department>} for each CPS, and one per central group. */
    public List<String> createDemoUsers(String password) {
        List<String> created = new ArrayList<>();
        for (String department : departments()) {
            String id = "cps." + department.toLowerCase(Locale.ROOT);
            ensureUser(id, "Agent", "CPS " + referenceData.label(ReferenceCategory.DEPARTMENT, department), password, Groups.cps(department), created);
        }
        ensureUser("dpaf.agent", "Agent", "DPAF", password, Groups.DPAF, created);
        ensureUser("sgm.signataire", "Signataire", "SGM", password, Groups.SGM, created);
        ensureUser("offe.agent", "Agent", "OFFE", password, Groups.OFFE, created);
        ensureUser("cabinet.conseiller", "Conseiller", "Cabinet", password, Groups.CABINET, created);
        ensureUser("manager", "Responsable", "Suivi", password, Groups.MANAGERS, created);
        ensureUser("analyst", "Analyste", "Procédures", password, Groups.ANALYSTS, created);
        if (!created.isEmpty()) {
            log.info("Demo users created: {}", created);
        }
        return created;
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void ensureUser(String id, String firstName, String lastName, String password, String group,
                            List<String> created) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            user.setEmail(id + "@demo.masm.bj");
            identityService.saveUser(user);
            created.add(id);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identityService.createMembership(id, group);
        }
    }

    /** The departments of ref_department (one CPS group and one demo CPS user each). */
    private List<String> departments() {
        return referenceData.list(ReferenceCategory.DEPARTMENT).stream().map(ReferenceItem::code).toList();
    }
}
