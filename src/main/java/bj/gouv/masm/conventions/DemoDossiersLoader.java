package bj.gouv.masm.conventions;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.security.Groups;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: files a few convention dossiers so that a clerk who logs in for the first time
 * finds work in Tasklist — two OSC dossiers per department at its CPS (Task_CheckDossier), two PTF
 * dossiers at the DPAF (Task_ReviewDossier). Each dossier is filed by the demo user of the office
 * that receives it, so the history reads as a real one. Runs once: never when a lifecycle exists.
 */
@Component
@ConditionalOnProperty(name = "masm.demo.data-enabled", havingValue = "true")
public class DemoDossiersLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDossiersLoader.class);
    private static final int OSC_DOSSIERS_PER_DEPARTMENT = 2;
    private static final int PTF_DOSSIERS = 2;

    private final PartnerRepository partners;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;

    public DemoDossiersLoader(PartnerRepository partners, RuntimeService runtimeService,
                              HistoryService historyService, IdentityService identityService) {
        this.partners = partners;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
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
        for (String department : Groups.DEPARTMENTS) {
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
