package bj.gouv.masm.programmes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: a register of fictive programmes (some over five years old) into an empty register,
 * then this year's evaluations of those over five years (DPAF tasks), one of them already concluded.
 */
@Component
@ConditionalOnProperty(name = "masm.demo.data-enabled", havingValue = "true")
@RequiredArgsConstructor
public class DemoProgrammesLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoProgrammesLoader.class);
    private static final String[][] PROGRAMMES = {
            // name, years since start, departments, domains, budget (millions XOF)
            {"Programme de filets sociaux adaptatifs (démo)", "8", "ALIBORI,BORGOU,ATACORA", "SOCIAL_PROTECTION", "12000"},
            {"Projet d'autonomisation économique des femmes (démo)", "6", "ZOU,COLLINES,PLATEAU", "WOMEN_EMPOWERMENT_GBV", "4500"},
            {"Programme national de protection de l'enfant (démo)", "7", "", "CHILD_PROTECTION", "6800"},
            {"Projet guichets uniques de protection sociale (démo)", "5", "LITTORAL,ATLANTIQUE,OUEME", "SOCIAL_PROTECTION", "3200"},
            {"Projet d'inclusion financière des groupes vulnérables (démo)", "9", "BORGOU,DONGA", "FINANCIAL_INCLUSION", "2500"},
            {"Projet de lutte contre les VBG en milieu scolaire (démo)", "3", "COUFFO,MONO", "WOMEN_EMPOWERMENT_GBV", "900"},
            {"Programme d'appui aux personnes handicapées (démo)", "2", "", "DISABILITY", "750"},
            {"Projet de modernisation des CPS (démo)", "4", "", "SOCIAL_PROTECTION", "1800"},
            {"Programme de solidarité envers les personnes âgées (démo)", "1", "MONO,COUFFO,ATACORA", "ELDERLY", "600"},
            {"Projet produits financiers innovants (démo)", "2", "LITTORAL", "MICROFINANCE", "1100"}};

    private final ProgrammeService programmes;
    private final ProgrammeEvaluationService evaluations;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    @Order(55)
    public void load() {
        Integer existing = jdbc.queryForObject("select count(*) from programme", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        List<Long> ptfs = jdbc.queryForList("select id from partner where kind = 'PTF' order by id", Long.class);
        LocalDate today = LocalDate.now(clock);
        identityService.setAuthentication("dpaf.agent", List.of("dpaf"));
        try {
            for (int i = 0; i < PROGRAMMES.length; i++) {
                String[] p = PROGRAMMES[i];
                LocalDate start = today.minusYears(Integer.parseInt(p[1])).minusMonths(i % 5).withDayOfMonth(1);
                List<Long> partners = ptfs.isEmpty() ? List.of() : List.of(ptfs.get(i % ptfs.size()), ptfs.get((i * 3 + 1) % ptfs.size()));
                programmes.create(new ProgrammeService.ProgrammeRequest(p[0], partners,
                        p[2].isEmpty() ? List.of() : List.of(p[2].split(",")), List.of(p[3]), start, start.plusYears(10),
                        Long.parseLong(p[4]) * 1_000_000L));
            }
            List<String> opened = evaluations.openDue(today.getYear(), ProgrammeEvaluationService.DEFAULT_EVALUATION_PERIOD).opened();
            if (!opened.isEmpty()) {
                Task task = taskService.createTaskQuery().processInstanceBusinessKey(opened.get(0))
                        .taskDefinitionKey(ProgrammeVariables.TASK_EVALUATE).singleResult();
                if (task != null) {
                    taskService.claim(task.getId(), "dpaf.agent");
                    taskService.complete(task.getId(), Map.of(ProgrammeVariables.CONCLUSION, ProgrammeVariables.REVISE,
                            ProgrammeVariables.FINDINGS, "Couverture en deçà des cibles dans l'Atacora ; ciblage à revoir (démo)"));
                }
            }
            log.info("Demo programmes: {} in the register, {} evaluation(s) opened", PROGRAMMES.length, opened.size());
        } finally {
            identityService.clearAuthentication();
        }
    }
}
