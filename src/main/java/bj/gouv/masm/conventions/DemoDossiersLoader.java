package bj.gouv.masm.conventions;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.security.process.OfficeGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: files convention dossiers so that a clerk who logs in for the first time finds
 * work in Tasklist — two OSC dossiers per department at its CPS (Task_CheckDossier), two PTF dossiers
 * at the DPAF (Task_ReviewDossier) — and takes one partner in {@value #SIGNED_ONE_IN} through the whole
 * procedure to a convention signed in the past (so the dashboard and the reporting have something to
 * show). Every step is done by the demo user of the office concerned, so the history reads as a real
 * one. Runs once: never when a lifecycle exists.
 */
@Component
@ConditionalOnProperty(name = "masm.demo.data-enabled", havingValue = "true")
public class DemoDossiersLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDossiersLoader.class);
    private static final int OSC_DOSSIERS_PER_DEPARTMENT = 2;
    private static final int PTF_DOSSIERS = 2;
    static final int SIGNED_ONE_IN = 6;
    private static final LocalDate FIRST_SIGNATURE = LocalDate.of(2024, 1, 15);

    private final PartnerRepository partners;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final Clock clock;

    private final OfficeGroups officeGroups;

    public DemoDossiersLoader(PartnerRepository partners, RuntimeService runtimeService,
                              HistoryService historyService, IdentityService identityService,
                              TaskService taskService, Clock clock, OfficeGroups officeGroups) {
        this.officeGroups = officeGroups;
        this.partners = partners;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.taskService = taskService;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30) // after the demo users (10) and the demo partners (20)
    public void load() {
        if (historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(LifecycleVariables.PROCESS_KEY).count() > 0) {
            return;
        }
        List<Partner> all = partners.findAll().stream().sorted(Comparator.comparing(Partner::getId)).toList();
        List<String> filed = new ArrayList<>();
        for (String department : officeGroups.departments()) {
            all.stream()
                    .filter(p -> p.getKind() == PartnerKind.OSC && department.equals(p.getHeadOfficeDepartment()))
                    .limit(OSC_DOSSIERS_PER_DEPARTMENT)
                    .forEach(p -> filed.add(file(p, "cps." + department.toLowerCase(java.util.Locale.ROOT),
                            Groups.cps(department))));
        }
        all.stream().filter(p -> p.getKind() == PartnerKind.PTF && p.getRegistrationNumber() != null)
                .limit(PTF_DOSSIERS)
                .forEach(p -> filed.add(file(p, "dpaf.agent", Groups.DPAF)));
        log.info("Demo dossiers filed: {}", filed.stream().filter(Objects::nonNull).toList());
        List<Partner> toSign = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Partner partner = all.get(i);
            if (i % SIGNED_ONE_IN == 3 && partner.getRegistrationNumber() != null
                    && (partner.getKind() == PartnerKind.PTF || partner.getHeadOfficeDepartment() != null)) {
                toSign.add(partner);
            }
        }
        LocalDate today = LocalDate.now(clock);
        long days = java.time.temporal.ChronoUnit.DAYS.between(FIRST_SIGNATURE, today);
        for (int i = 0; i < toSign.size(); i++) {
            LocalDate signedOn = FIRST_SIGNATURE.plusDays(days * i / Math.max(1, toSign.size()));
            sign(toSign.get(i), signedOn, 24 + 12 * (i % 2));
        }
        log.info("Demo conventions signed: {}", toSign.size());
    }

    /** The whole procedure, each step by the office in charge: check (OSC), favourable review, signature. */
    private void sign(Partner partner, LocalDate signedOn, int months) {
        String department = partner.getHeadOfficeDepartment();
        String cpsUser = department == null ? null : "cps." + department.toLowerCase(java.util.Locale.ROOT);
        String reference = partner.getKind() == PartnerKind.OSC
                ? file(partner, cpsUser, Groups.cps(department)) : file(partner, "dpaf.agent", Groups.DPAF);
        if (partner.getKind() == PartnerKind.OSC) {
            complete(reference, LifecycleVariables.TASK_CHECK_DOSSIER, cpsUser, Groups.cps(department), Map.of(
                    LifecycleVariables.DOSSIER_COMPLETE, true,
                    LifecycleVariables.RECEIVED_DOCUMENTS, List.of("STATUTES")));
        }
        complete(reference, LifecycleVariables.TASK_REVIEW_DOSSIER, "dpaf.agent", Groups.DPAF, Map.of(
                LifecycleVariables.REVIEW_OPINION, "FAVOURABLE",
                LifecycleVariables.REVIEW_COMMENT, "Dossier complet, objectifs alignés sur le plan stratégique"));
        Map<String, Object> signature = new HashMap<>();
        signature.put(LifecycleVariables.SIGNED_ON, Date.from(signedOn.atStartOfDay(clock.getZone()).toInstant()));
        signature.put(LifecycleVariables.DURATION_MONTHS, months);
        signature.put(LifecycleVariables.PARTNER_SIGNATORY, "Le représentant légal (démo)");
        signature.put(LifecycleVariables.OBLIGATIONS, "Le partenaire exécute ses activités et en rend compte ; "
                + "le Ministère l'accompagne par ses services techniques.");
        signature.put(LifecycleVariables.MONITORING_ARRANGEMENT, "Suivi trimestriel par le CPS, évaluations par la DPAF");
        signature.put(LifecycleVariables.RENEWAL_CONDITIONS, "Sur demande, après évaluation finale favorable");
        signature.put(LifecycleVariables.ACCOMPANIMENT, "Appui-conseil et mise en relation par le CPS");
        signature.put(LifecycleVariables.ACCOUNTABILITY, "Rapports trimestriels et indicateurs SIDoFFE");
        complete(reference, LifecycleVariables.TASK_SIGN_CONVENTION, "sgm.signataire", Groups.SGM, signature);
    }

    private void complete(String businessKey, String taskKey, String user, String group, Map<String, Object> variables) {
        identityService.setAuthentication(user, List.of(group));
        try {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(taskKey).singleResult();
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String file(Partner partner, String clerk, String group) {
        identityService.setAuthentication(clerk, List.of(group));
        try {
            return runtimeService.startProcessInstanceByKey(LifecycleVariables.PROCESS_KEY,
                    Map.of(LifecycleVariables.PARTNER_ID, partner.getId())).getBusinessKey();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
