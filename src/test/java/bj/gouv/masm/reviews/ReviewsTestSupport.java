package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Helpers of the review tests: clock, timers, tasks, fixtures, HTTP. */
abstract class ReviewsTestSupport extends IntegrationTestBase {

    static final ZoneId ZONE = bj.gouv.masm.shared.MasmTimeZone.zone();

    @Autowired
    protected bj.gouv.masm.security.process.OfficeGroups officeGroups;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected PartnerRepository partnerRepository;
    @Autowired
    protected ConventionRepository conventionRepository;
    @Autowired
    protected DepartmentalReviewRepository reviewRepository;
    @Autowired
    protected RecommendationRepository recommendationRepository;
    @Autowired
    protected ReviewReportStore reportStore;
    @Autowired
    protected HalfYearOpeningService openingService;

    private final HttpClient http = HttpClient.newHttpClient();

    protected static void setClock(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(ZONE).toInstant()));
    }

    /** Fires the timer start event of a process (as the job executor would). */
    protected void fireTimerStart(String processKey) {
        Job job = managementService.createJobQuery().processDefinitionKey(processKey).timers()
                .list().stream().filter(j -> j.getProcessInstanceId() == null)
                .findFirst().orElseThrow(() -> new AssertionError("no timer start job for " + processKey));
        managementService.executeJob(job.getId());
    }

    /** Opens a half-year the way the API does (no authentication: the engine checks nothing). */
    protected void openHalfYear(HalfYear halfYear) {
        runtimeService.startProcessInstanceByMessage(ReviewVariables.MESSAGE_OPEN_HALF_YEAR, halfYear.toString(),
                Map.of(ReviewVariables.HALF_YEAR, halfYear.toString()));
    }

    protected List<ProcessInstance> departmentalReviewsOf(HalfYear halfYear) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.DEPARTMENTAL_PROCESS)
                .list().stream().filter(p -> p.getBusinessKey() != null && p.getBusinessKey().endsWith("_" + halfYear))
                .toList();
    }

    protected ProcessInstance reviewInstance(String department, HalfYear halfYear) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewVariables.DEPARTMENTAL_PROCESS)
                .processInstanceBusinessKey(department + "_" + halfYear).singleResult();
    }

    protected Task task(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    }

    protected void prepare(ProcessInstance instance, String plannedOn) {
        Task task = task(instance, "Task_PrepareDepartmentalReview");
        assertThat(task).as("preparation task of " + instance.getBusinessKey()).isNotNull();
        taskService.complete(task.getId(), Map.of("plannedOn", plannedOn, "venue", "Salle de conférence du CPS"));
    }

    protected void hold(ProcessInstance instance, String heldOn, Object recommendations) {
        Task task = task(instance, "Task_HoldDepartmentalReview");
        assertThat(task).as("meeting task of " + instance.getBusinessKey()).isNotNull();
        java.util.HashMap<String, Object> variables = new java.util.HashMap<>();
        variables.put("heldOn", heldOn);
        variables.put("minutes", "Compte rendu de la revue " + instance.getBusinessKey());
        variables.put("participantsCount", 23);
        variables.put("reviewRecommendations", recommendations);
        taskService.complete(task.getId(), variables);
    }

    protected Partner partner(String prefix, PartnerKind kind, String headOffice, Set<String> departments, boolean nationwide) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Partner partner = new Partner(prefix + " " + suffix, kind, kind == PartnerKind.OSC ? "NATIONAL_NGO" : "MULTILATERAL");
        partner.setRegistrationNumber("REV-" + suffix);
        partner.setHeadOfficeDepartment(headOffice);
        partner.setDepartments(departments);
        partner.setNationwide(nationwide);
        partner.touch("test", OffsetDateTime.now());
        return partnerRepository.saveAndFlush(partner);
    }

    protected Convention convention(Partner partner, String department, LocalDate start, LocalDate end, ConventionStatus status) {
        String number = nextConventionNumber(start.getYear());
        Convention convention = new Convention(number, partner.getId(), department, start, 24, start, end,
                start.plusMonths(12), end.minusMonths(3));
        convention.setStatus(status);
        convention.touch("test", OffsetDateTime.now());
        return conventionRepository.saveAndFlush(convention);
    }

    protected HttpResponse<String> post(String path, String user, String body) throws Exception {
        return http.send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> patch(String path, String user, String body) throws Exception {
        return http.send(request(path, user).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String user) throws Exception {
        return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path, String user) {
        String password = "admin".equals(user) ? "test-admin-password" : "demo";
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Basic " + auth);
    }
}
