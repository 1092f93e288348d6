package bj.gouv.masm.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import bj.gouv.masm.reporting.process.RecordQuarterlyReportListener;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
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
 * Demo profile only: opens the quarterly reports of the last ended quarter for the demo conventions (as
 * the calendar would have) and has the CPS record two reports in three, each with one activity in a
 * commune of its department. The others reach their deadline (30 days after the quarter end, already
 * past in the demo) and show as missed, with the warning letter — so the dashboard's compliance, the
 * overlap detection and the sanctions have something to show.
 */
@Component
@ConditionalOnProperty(name = "masm.demo.data-enabled", havingValue = "true")
@RequiredArgsConstructor
public class DemoReportsLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoReportsLoader.class);
    private static final String[] DOMAINS = {"WOMEN_EMPOWERMENT_GBV", "CHILD_PROTECTION", "SOCIAL_PROTECTION"};
    private static final String[] TARGET_GROUPS = {"WOMEN", "CHILDREN", "GIRLS"};

    private final QuarterOpeningService openingService;
    private final QuarterlyReportRepository reports;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    @EventListener(ApplicationReadyEvent.class)
    @Order(40) // after the demo conventions (30)
    public void load() {
        Quarter quarter = Quarter.lastEndedOn(LocalDate.now(clock));
        List<String> opened = openingService.openQuarter(quarter).opened();
        Map<String, List<String>> communes = new HashMap<>();
        jdbc.query("select department, name from ref_commune order by department, name", rs -> {
            communes.computeIfAbsent(rs.getString("department"), d -> new java.util.ArrayList<>()).add(rs.getString("name"));
        });
        int recorded = 0;
        for (int i = 0; i < opened.size(); i++) {
            if (i % 3 != 2 && record(opened.get(i), quarter, i, communes)) {
                recorded++;
            }
        }
        log.info("Demo quarterly reports of {}: {} opened, {} recorded by the CPS", quarter, opened.size(), recorded);
    }

    private boolean record(String businessKey, Quarter quarter, int index, Map<String, List<String>> communesByDepartment) {
        QuarterlyReport report = reports.findByBusinessKey(businessKey).orElse(null);
        if (report == null) {
            return false;
        }
        String department = report.getDepartment();
        String user = "cps." + department.toLowerCase(java.util.Locale.ROOT);
        List<String> communes = communesByDepartment.get(department);
        String commune = communes.get(index % communes.size());
        String activities = """
                [{"department":"%s","commune":"%s","domain":"%s","targetGroup":"%s",
                  "description":"Séances de sensibilisation communautaire (démo)","startDate":"%s","endDate":"%s",
                  "budgetXof":%d,"beneficiaries":%d}]""".formatted(department, commune, DOMAINS[index % 3],
                TARGET_GROUPS[index % 3], quarter.start(), quarter.end(), 500_000 + 100_000 * (index % 7),
                40 + 5 * (index % 11));
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReportingVariables.REPORT_RECEIVED, true);
        variables.put(ReportingVariables.ACTIVITIES_SUMMARY, "Activités du trimestre conformes au plan (démo)");
        variables.put(ReportingVariables.ACTIVITIES, activities);
        variables.put(RecordQuarterlyReportListener.beneficiariesVariable(TARGET_GROUPS[index % 3]),
                (long) (40 + 5 * (index % 11)));
        identityService.setAuthentication(user, List.of(bj.gouv.masm.security.Groups.cps(department)));
        try {
            Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(ReportingVariables.TASK_RECORD_REPORT).singleResult();
            if (task == null) {
                return false; // its deadline fired first
            }
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return true;
        } catch (ProcessEngineException e) {
            log.debug("Demo report {} not recorded: {}", businessKey, e.getMessage());
            return false;
        } finally {
            identityService.clearAuthentication();
        }
    }
}
