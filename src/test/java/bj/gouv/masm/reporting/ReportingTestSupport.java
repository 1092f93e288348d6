package bj.gouv.masm.reporting;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fixtures of the reporting tests: partners and conventions created directly through the
 * repositories (each test uses its own year, so quarters never mix with other tests' data).
 */
abstract class ReportingTestSupport extends IntegrationTestBase {

    static final ZoneId BENIN = bj.gouv.masm.shared.MasmTimeZone.zone();

    @Autowired
    protected PartnerRepository partnerRepository;
    @Autowired
    protected ConventionRepository conventionRepository;
    @Autowired
    protected QuarterlyReportRepository reportRepository;
    @Autowired
    protected QuarterOpeningService openingService;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected TestRestTemplate rest;

    protected Partner osc(String department) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Partner partner = new Partner("OSC Test " + suffix, PartnerKind.OSC, "NATIONAL_NGO");
        partner.setRegistrationNumber("RN-" + suffix);
        partner.setHeadOfficeDepartment(department);
        partner.setContactName("Contact " + suffix);
        partner.setEmail("contact-" + suffix + "@osc.example.bj");
        partner.touch("test", OffsetDateTime.now());
        return partnerRepository.saveAndFlush(partner);
    }

    protected Partner ptf() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Partner partner = new Partner("PTF Test " + suffix, PartnerKind.PTF, "MULTILATERAL");
        partner.setRegistrationNumber("PTF-" + suffix);
        partner.touch("test", OffsetDateTime.now());
        return partnerRepository.saveAndFlush(partner);
    }

    protected Convention convention(Partner partner, String department, LocalDate start, int months,
                                    ConventionStatus status) {
        String number = nextConventionNumber(start.getYear());
        LocalDate end = start.plusMonths(months).minusDays(1);
        Convention convention = new Convention(number, partner.getId(), department, start, months, start, end,
                start.plusMonths(months / 2), end.minusMonths(3));
        convention.setStatus(status);
        convention.touch("test", OffsetDateTime.now());
        return conventionRepository.saveAndFlush(convention);
    }

    /** An OSC of BORGOU with an ACTIVE one-year convention starting on 1 January of the year. */
    protected Convention activeOscConvention(int year) {
        Partner partner = osc("BORGOU");
        return convention(partner, "BORGOU", LocalDate.of(year, 1, 1), 12, ConventionStatus.ACTIVE);
    }

    protected static void setClock(LocalDateTime localTime) {
        ClockUtil.setCurrentTime(Date.from(localTime.atZone(BENIN).toInstant()));
    }

    /** Opens the quarter as the calendar would, the day after it ended. */
    protected QuarterOpeningService.OpeningResult openQuarter(Quarter quarter) {
        setClock(quarter.end().plusDays(1).atTime(8, 0));
        return openingService.openQuarter(quarter);
    }

    protected String key(Convention convention, Quarter quarter) {
        return QuarterlyReport.businessKey(convention.getNumber(), quarter);
    }

    protected Task task(String businessKey, String taskId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskId).singleResult();
    }

    protected String processInstanceId(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }

    protected void fireDeadline(String businessKey) {
        String pid = reportRepository.findByBusinessKey(businessKey).orElseThrow().getProcessInstanceId();
        Job job = managementService.createJobQuery().processInstanceId(pid).timers().singleResult();
        managementService.executeJob(job.getId());
    }

    protected QuarterlyReport report(String businessKey) {
        return reportRepository.findByBusinessKey(businessKey).orElseThrow();
    }

    /** All active catalogue codes with a valid value each: a complete upload. */
    protected List<Map<String, Object>> completeIndicatorValues() {
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 1; i <= 77; i++) {
            values.add(Map.of("code", String.format("SIDOFFE-%02d", i), "value", i >= 70 ? 55.5 : i));
        }
        return values;
    }

    protected ResponseEntity<Map> post(String user, String path, Object body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return rest.withBasicAuth(user, password(user))
                .exchange(baseUrl() + path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }

    protected ResponseEntity<Map> get(String user, String path) {
        return rest.withBasicAuth(user, password(user)).exchange(baseUrl() + path, HttpMethod.GET, null, Map.class);
    }

    protected static String password(String user) {
        return "admin".equals(user) ? "test-admin-password" : "demo";
    }

    protected int statusChanges(Convention convention) {
        return jdbc.queryForObject("select count(*) from convention_status_change where convention_id = ?",
                Integer.class, convention.getId());
    }
}
