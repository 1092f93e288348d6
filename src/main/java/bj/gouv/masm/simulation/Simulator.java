package bj.gouv.masm.simulation;

import bj.gouv.masm.shared.MasmTimeZone;
import bj.gouv.masm.partners.DemoPartnerGenerator;
import bj.gouv.masm.partners.DemoPartnerLoader;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.partners.PartnerValidator;
import bj.gouv.masm.reference.ReferenceFormLists;
import bj.gouv.masm.reporting.IndicatorCatalogue;
import bj.gouv.masm.reporting.Quarter;
import bj.gouv.masm.reporting.ReportUploadService;
import bj.gouv.masm.reporting.SidoffeIndicator;
import bj.gouv.masm.shared.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs the deployed models over years on a synthetic cohort, on the engine's clock: each simulated day
 * it fires the jobs that fall due (timers, in due-date order), files the dossiers that arrive, and has
 * each office complete the user tasks it planned for the day with what the task's Camunda Form submits,
 * as a user of the task's candidate group (claim, then {@code FormService#submitTaskForm}: the same
 * listeners and checks as Tasklist). Only in the {@code simulation} profile ({@link SimulationCommand}).
 */
@Component
@Profile(SimulationCommand.PROFILE)
public class Simulator {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);
    static final String LIFECYCLE = "ConventionLifecycle";
    static final String SIGN_TASK = "Task_SignConvention";

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final FormService formService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final PartnerRepository partnerRepository;
    private final DemoPartnerLoader partnerLoader;
    private final IndicatorCatalogue indicatorCatalogue;
    private final ReportUploadService reportUploads;
    private final bj.gouv.masm.funding.FundedActivityService fundedActivities;
    private final ObjectMapper mapper;
    private final InvariantChecker invariants;
    private final SimulationStatistics statistics;

    // state of one run
    private Behaviours behaviours;
    private FormFiller filler;
    private final Map<String, Tracked> tracked = new HashMap<>();
    private final TreeMap<LocalDate, List<Tracked>> plan = new TreeMap<>();
    private final Map<String, JsonNode> forms = new HashMap<>();
    private final Map<String, String> officeOfTask = new HashMap<>();
    private final Map<String, Integer> checksPerInstance = new HashMap<>();
    private final Set<String> groups = new HashSet<>();
    private final List<SimulationResult.Violation> violations = new ArrayList<>();
    private final List<SimulationResult.Refusal> refusals = new ArrayList<>();
    private final Set<String> activePastEnd = new HashSet<>();
    private Date lastScan;
    private long userTasksCompleted;
    private long timersFired;
    private long jobsExecuted;
    private long processStarts;
    private int minuteOfDay;

    /** A user task as the simulator follows it. */
    static final class Tracked {
        final String id;
        final String taskKey;
        final String processInstanceId;
        final String office;
        final Date created;
        final Long partnerId;
        LocalDate planned;
        Boolean reportReceived;

        Tracked(Task task, String office, Long partnerId) {
            this.id = task.getId();
            this.taskKey = task.getTaskDefinitionKey();
            this.processInstanceId = task.getProcessInstanceId();
            this.office = office;
            this.created = task.getCreateTime();
            this.partnerId = partnerId;
        }
    }

    public Simulator(RepositoryService repositoryService, RuntimeService runtimeService, TaskService taskService,
                     FormService formService, ManagementService managementService, IdentityService identityService,
                     PartnerRepository partnerRepository, PartnerValidator partnerValidator, AuditTrail auditTrail,
                     Clock clock, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
                     IndicatorCatalogue indicatorCatalogue, ReportUploadService reportUploads, ObjectMapper mapper,
                     InvariantChecker invariants, SimulationStatistics statistics,
                     bj.gouv.masm.funding.FundedActivityService fundedActivities) {
        this.fundedActivities = fundedActivities;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.formService = formService;
        this.managementService = managementService;
        this.identityService = identityService;
        this.partnerRepository = partnerRepository;
        this.partnerLoader = new DemoPartnerLoader(partnerRepository, partnerValidator, auditTrail, clock,
                transactionManager, jdbc);
        this.indicatorCatalogue = indicatorCatalogue;
        this.reportUploads = reportUploads;
        this.mapper = mapper;
        this.invariants = invariants;
        this.statistics = statistics;
    }

    public SimulationResult run(SimulationOptions options) throws IOException {
        long started = System.nanoTime();
        behaviours = new Behaviours(options.seed());
        filler = new FormFiller(mapper);
        LocalDate start = options.start();
        LocalDate end = options.end();
        setClock(at(start, LocalTime.of(7, 0)));
        lastScan = ClockUtil.getCurrentTime();
        deploy(options.processes());
        createUsers();
        Map<LocalDate, List<Partner>> arrivals = createPartners(options);
        log.info("Simulation: {} partners, {} → {}, seed {}", options.partners(), start, end, options.seed());

        long[] nanos = new long[4];
        for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
            minuteOfDay = 0;
            long t0 = System.nanoTime();
            runJobsUntil(at(day, LocalTime.of(8, 0)));
            setClock(at(day, LocalTime.of(8, 0)));
            for (Partner partner : arrivals.getOrDefault(day, List.of())) {
                fileDossier(partner, day);
            }
            long t1 = System.nanoTime();
            scanNewTasks(day);
            long t2 = System.nanoTime();
            if (day.getDayOfWeek().getValue() <= 5) {
                completePlannedTasks(day);
                scanNewTasks(day);
            }
            long t3 = System.nanoTime();
            runJobsUntil(at(day, LocalTime.of(23, 59, 59)));
            scanNewTasks(day);
            checkActivePastEnd(day);
            long t4 = System.nanoTime();
            nanos[0] += t1 - t0;
            nanos[1] += t2 - t1;
            nanos[2] += t3 - t2;
            nanos[3] += t4 - t3;
            if (day.getDayOfMonth() == 1 && day.getMonthValue() % 3 == 1) {
                log.info("Simulation: {} — {} tâches terminées, {} minuteries", day, userTasksCompleted, timersFired);
            }
        }
        log.info("Simulation: time in morning jobs+arrivals {} ms, scans {} ms, completions {} ms, evening jobs {} ms",
                nanos[0] / 1_000_000, nanos[1] / 1_000_000, nanos[2] / 1_000_000, nanos[3] / 1_000_000);
        double elapsed = (System.nanoTime() - started) / 1e9;
        violations.addAll(invariants.check(end));
        SimulationResult result = statistics.collect(options, elapsed, userTasksCompleted, timersFired,
                jobsExecuted, processStarts, officeOfTask, violations, refusals);
        log.info("Simulation finished in {} s", String.format(Locale.ROOT, "%.1f", elapsed));
        return result;
    }

    // ---------------------------------------------------------------- deployment, users, partners

    /** Deploys processes/ and forms/ from the jar, each file replaced by the one of the same name in --processes. */
    private void deploy(Path override) throws IOException {
        Map<String, byte[]> resources = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : List.of("classpath*:processes/*.bpmn", "classpath*:processes/*.dmn", "classpath*:forms/*.form")) {
            for (Resource resource : resolver.getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    resources.put(resource.getFilename(), in.readAllBytes());
                }
            }
        }
        if (override != null) {
            if (!Files.isDirectory(override)) {
                throw new IllegalArgumentException("--processes : dossier introuvable " + override);
            }
            try (Stream<Path> files = Files.walk(override, 2)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form")) {
                        resources.put(name, Files.readAllBytes(file));
                        log.info("Simulation: model {} taken from {}", name, override);
                    }
                }
            }
        }
        DeploymentBuilder deployment = repositoryService.createDeployment().name("simulation");
        resources.forEach((name, bytes) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
        deployment.deploy();
    }

    /** One simulated clerk per group ({@code sim.<group>}), member of it. */
    private void createUsers() {
        for (Group group : identityService.createGroupQuery().list()) {
            groups.add(group.getId());
            String userId = userOf(group.getId());
            if (identityService.createUserQuery().userId(userId).count() == 0) {
                User user = identityService.newUser(userId);
                user.setFirstName("Agent simulé");
                user.setLastName(group.getId());
                user.setPassword("Simulation-" + java.util.UUID.randomUUID() + "-Az9!");
                identityService.saveUser(user);
                identityService.createMembership(userId, group.getId());
            }
        }
    }

    static String userOf(String group) {
        return "sim." + group;
    }

    private Map<LocalDate, List<Partner>> createPartners(SimulationOptions options) {
        partnerLoader.load(new DemoPartnerGenerator(options.partners(), options.seed()).generate());
        Map<LocalDate, List<Partner>> arrivals = new TreeMap<>();
        for (Partner partner : partnerRepository.findAll().stream().sorted(Comparator.comparing(Partner::getId)).toList()) {
            boolean osc = partner.getKind() == PartnerKind.OSC;
            Behaviours.Partner behaviour = behaviours.partner(partner.getId(), osc, options.start(), options.end());
            if (behaviour.filesDossier() && (!osc || partner.getHeadOfficeDepartment() != null)) {
                arrivals.computeIfAbsent(behaviour.arrival(), d -> new ArrayList<>()).add(partner);
            }
        }
        return arrivals;
    }

    // ---------------------------------------------------------------- the day's events

    /** The dossier's start form filled and submitted by the office receiving it (CPS for an OSC, DPAF for a PTF). */
    private void fileDossier(Partner partner, LocalDate day) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(LIFECYCLE)
                .latestVersion().singleResult();
        String group = partner.getKind() == PartnerKind.OSC
                ? bj.gouv.masm.security.Groups.cps(partner.getHeadOfficeDepartment()) : bj.gouv.masm.security.Groups.DPAF;
        Map<String, Object> variables = new LinkedHashMap<>();
        JsonNode form = startForm(definition.getId());
        if (form != null) {
            variables.putAll(filler.fill(form, decisions(null, Set.of()), day, behaviours.random(), k -> List.of()));
        }
        variables.put("partnerQuery", partner.getRegistrationNumber() != null ? partner.getRegistrationNumber() : partner.getName());
        variables.put("partnerId", partner.getId());
        identityService.setAuthentication(userOf(group), List.of(group));
        try {
            formService.submitStartForm(definition.getId(), variables);
            processStarts++;
        } catch (RuntimeException e) {
            refusals.add(new SimulationResult.Refusal("StartEvent " + LIFECYCLE, "partner " + partner.getId(),
                    e.getMessage()));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private JsonNode startForm(String processDefinitionId) {
        return forms.computeIfAbsent("start:" + processDefinitionId, k -> {
            try (InputStream in = formService.getDeployedStartForm(processDefinitionId)) {
                return mapper.readTree(in);
            } catch (Exception e) {
                return mapper.createObjectNode();
            }
        });
    }

    /** New user tasks: check their candidate group and due date, and plan when their office completes them. */
    private void scanNewTasks(LocalDate today) {
        Date now = ClockUtil.getCurrentTime();
        List<Task> created = new ArrayList<>(taskService.createTaskQuery()
                .taskCreatedAfter(new Date(lastScan.getTime() - 1)).list());
        lastScan = now;
        created.sort(Comparator.comparing(Task::getCreateTime).thenComparing(t -> t.getId(), Simulator::compareIds));
        for (Task task : created) {
            if (tracked.containsKey(task.getId()) || officeOfTask.containsKey(task.getId())) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    candidates.add(link.getGroupId());
                }
            }
            String caseKey = caseKey(task);
            String office = candidates.stream().filter(groups::contains).findFirst().orElse(null);
            if (candidates.isEmpty() || office == null) {
                violations.add(new SimulationResult.Violation(InvariantChecker.TASK_CANDIDATE_GROUP, caseKey,
                        task.getTaskDefinitionKey() + " : groupe candidat " + (candidates.isEmpty() ? "absent"
                                : "inexistant " + candidates)));
            }
            if (task.getDueDate() == null) {
                violations.add(new SimulationResult.Violation(InvariantChecker.TASK_DUE_DATE, caseKey,
                        task.getTaskDefinitionKey() + " : tâche sans échéance"));
            }
            officeOfTask.put(task.getId(), office == null ? "(aucun)" : office);
            if (office == null) {
                continue; // nobody can see it in Tasklist: it stays open
            }
            Object partnerId = task.getProcessInstanceId() == null ? null
                    : runtimeService.getVariable(task.getProcessInstanceId(), "partnerId");
            Tracked t = new Tracked(task, office, partnerId instanceof Number n ? n.longValue() : null);
            tracked.put(t.id, t);
            t.planned = planCompletion(t, task, today);
            if (t.planned != null) {
                plan.computeIfAbsent(t.planned, d -> new ArrayList<>()).add(t);
            }
        }
    }

    /** When (or whether: null = never) the office completes the task, from the office's and partner's behaviour. */
    private LocalDate planCompletion(Tracked t, Task task, LocalDate today) {
        Behaviours.Office office = behaviours.office(t.office);
        Behaviours.Partner partner = t.partnerId == null ? null : behaviours.partner(t.partnerId);
        double lateShare = office.lateShare();
        switch (t.taskKey) {
            case "Task_RecordQuarterlyReport" -> {
                if (partner != null) {
                    lateShare = partner.lateShare();
                    if (behaviours.chance(partner.missShare())) {
                        // no report: the CPS records it as not received, or lets the deadline pass
                        if (behaviours.chance(0.6)) {
                            return null;
                        }
                        t.reportReceived = false;
                    } else {
                        t.reportReceived = true;
                    }
                }
            }
            case "Task_ReceiveMissingDocuments" -> {
                if (partner != null && !behaviours.chance(partner.answersMissingDocuments())) {
                    return null; // the partner never sends them: the deadline abandons the dossier
                }
            }
            case "Task_HoldDepartmentalReview" -> {
                if (!behaviours.chance(office.reviewHeldShare())) {
                    return null; // review not held: the deadline escalates it
                }
            }
            default -> {
            }
        }
        boolean late = behaviours.chance(lateShare);
        LocalDate planned;
        if (task.getDueDate() != null) {
            LocalDate due = task.getDueDate().toInstant().atZone(MasmTimeZone.zone()).toLocalDate();
            long daysToDue = ChronoUnit.DAYS.between(today, due);
            planned = late ? due.plusDays(1 + behaviours.random().nextInt(10))
                    : today.plusDays(Math.min(behaviours.daysTaken(office, false), Math.max(0, daysToDue - 1)));
        } else {
            planned = today.plusDays(behaviours.daysTaken(office, late));
        }
        return Behaviours.workingDay(planned.isBefore(today) ? today : planned);
    }

    private void completePlannedTasks(LocalDate day) {
        while (!plan.isEmpty() && !plan.firstKey().isAfter(day)) {
            List<Tracked> due = plan.pollFirstEntry().getValue();
            due.sort(Comparator.comparing((Tracked t) -> t.created).thenComparing(t -> t.id, Simulator::compareIds));
            for (Tracked t : due) {
                complete(t, day);
            }
        }
    }

    private void complete(Tracked t, LocalDate day) {
        tracked.remove(t.id);
        Task task = taskService.createTaskQuery().taskId(t.id).singleResult();
        if (task == null) {
            return; // cancelled meanwhile (deadline, revocation, expiry)
        }
        setClock(at(day, LocalTime.of(9, 0).plusMinutes(Math.min(minuteOfDay++, 530))));
        String user = userOf(t.office);
        String caseKey = caseKey(task);
        JsonNode form = taskForm(task);
        Set<String> keys = keys(form);
        if (LIFECYCLE_CHECK.equals(t.taskKey)) {
            checksPerInstance.merge(t.processInstanceId, 1, Integer::sum);
        }
        FormFiller.Decisions decisions = decisions(t, keys);
        RuntimeException refused = null;
        // a clerk whose entry is refused reads the message and fills in the optional fields too, once
        for (boolean everyField : new boolean[]{false, true}) {
            try {
                Map<String, Object> variables = form == null ? Map.of()
                        : filler.fill(form, decisions, day, behaviours.random(), valuesKey -> FormFiller.optionValues(
                        options(task, valuesKey), mapper), everyField);
                identityService.setAuthentication(user, List.of(t.office));
                if (variables.containsKey("indicatorSheet")) {
                    // the simulated clerk types the values, it never pastes an OSC's sheet (free text is not one)
                    variables = new LinkedHashMap<>(variables);
                    variables.remove("indicatorSheet");
                }
                if (Boolean.TRUE.equals(t.reportReceived) && hasPrefilledIndicatorList(form)) {
                    variables = typeIndicatorValues(variables, task, t);
                } else if (!everyField && Boolean.TRUE.equals(t.reportReceived) && !hasIndicatorList(form)) {
                    uploadIndicators(caseKey, t);
                }
                if (PTF_DECLARATION.equals(t.taskKey) && isYes(variables.get("declarationReceived"))
                        && declaredActivityRecorded.add(t.id)) {
                    recordDeclaredActivity(task, t);
                }
                if (!everyField) {
                    taskService.claim(t.id, user);
                }
                formService.submitTaskForm(t.id, variables);
                userTasksCompleted++;
                return;
            } catch (RuntimeException e) {
                refused = e;
                if (form == null) {
                    break;
                }
            } finally {
                identityService.clearAuthentication();
            }
        }
        if (refusals.stream().noneMatch(r -> r.step().equals(t.taskKey))) {
            log.warn("Simulation: {} of {} refused", t.taskKey, caseKey, refused);
        }
        refusals.add(new SimulationResult.Refusal(t.taskKey, caseKey,
                refused.getClass().getSimpleName() + " : " + refused.getMessage()));
    }

    /**
     * The variable a form's valuesKey reads: the reference lists the task got when created (task-local,
     * issue 11 item 12), other lists from the process as before (keeps the seeded runs comparable).
     */
    private Object options(Task task, String valuesKey) {
        return ReferenceFormLists.KEYS.contains(valuesKey) ? taskService.getVariableLocal(task.getId(), valuesKey)
                : runtimeService.getVariable(task.getExecutionId(), valuesKey);
    }

    private static final String LIFECYCLE_CHECK = "Task_CheckDossier";
    private static final String PTF_DECLARATION = "Task_RecordPtfDeclaration";
    /** Declaration tasks whose funded activity is recorded (a retried entry records it once). */
    private final Set<String> declaredActivityRecorded = new HashSet<>();

    private static boolean isYes(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /**
     * A PTF's declaration received: the DPAF records what it funds ({@code POST
     * /api/partners/{id}/funded-activities}) before closing the task, as the form asks.
     */
    private void recordDeclaredActivity(Task task, Tracked t) {
        Object yearValue = runtimeService.getVariable(task.getProcessInstanceId(), "declarationYear");
        if (t.partnerId == null || !(yearValue instanceof Number year)) {
            return;
        }
        int y = year.intValue();
        fundedActivities.record(t.partnerId, new bj.gouv.masm.funding.FundedActivityService.FundedActivityRequest(
                "Activité déclarée " + y, "LITTORAL", "Cotonou", "FAMILY", "WOMEN", java.time.LocalDate.of(y, 1, 1),
                java.time.LocalDate.of(y, 12, 31), 1_000_000L + behaviours.random().nextInt(9_000_000), null));
    }

    /**
     * A report form without an indicator list (an analyst's older version): the CPS sends the values through
     * the API ({@code POST /api/reports/{key}/indicators}) before recording the report, as many as the OSC gave.
     */
    private void uploadIndicators(String reportKey, Tracked t) {
        Behaviours.Partner partner = t.partnerId == null ? null : behaviours.partner(t.partnerId);
        List<SidoffeIndicator> indicators = indicatorCatalogue.activeIndicators();
        int count = (int) Math.round((partner == null ? 1.0 : partner.indicatorCompleteness()) * indicators.size());
        if (count == 0) {
            return;
        }
        ObjectNode body = mapper.createObjectNode();
        ArrayNode values = body.putArray("values");
        for (int i = 0; i < count; i++) {
            values.addObject().put("code", indicators.get(i).code()).put("value", behaviours.random().nextInt(100));
        }
        reportUploads.uploadIndicators(reportKey, ReportUploadService.fromJson(body));
    }

    /**
     * The report form's list pre-filled from the catalogue ({@code indicatorValues}, read-only codes): the clerk
     * types the values the OSC gave (as many as its completeness), as Tasklist submits them.
     */
    private Map<String, Object> typeIndicatorValues(Map<String, Object> variables, Task task, Tracked t) {
        Behaviours.Partner partner = t.partnerId == null ? null : behaviours.partner(t.partnerId);
        Object shown = runtimeService.getVariable(task.getExecutionId(), "indicatorValues");
        if (shown == null) {
            return variables;
        }
        try {
            JsonNode rows = mapper.readTree(shown.toString());
            int count = (int) Math.round((partner == null ? 1.0 : partner.indicatorCompleteness()) * rows.size());
            ArrayNode typed = mapper.createArrayNode();
            for (int i = 0; i < rows.size(); i++) {
                ObjectNode row = rows.get(i).deepCopy();
                if (i < count) {
                    row.put("value", behaviours.random().nextInt(100));
                }
                typed.add(row);
            }
            Map<String, Object> all = new LinkedHashMap<>(variables);
            all.put("indicatorValues", org.camunda.spin.plugin.variable.SpinValues.jsonValue(mapper.writeValueAsString(typed)).create());
            return all;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasPrefilledIndicatorList(JsonNode form) {
        return form != null && form.toString().contains("\"path\":\"indicatorValues\"") && !hasIndicatorList(form);
    }

    /** A form whose indicator list the clerk builds by choosing codes (a select in the list): the filler picks them. */
    private static boolean hasIndicatorList(JsonNode form) {
        if (form == null) {
            return false;
        }
        for (JsonNode c : form.path("components")) {
            if (c.path("path").asText("").toLowerCase(Locale.ROOT).startsWith("indicator")) {
                for (JsonNode cell : c.path("components")) {
                    if ("select".equals(cell.path("type").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private JsonNode taskForm(Task task) {
        String cacheKey = task.getProcessDefinitionId() + ":" + task.getTaskDefinitionKey();
        JsonNode form = forms.computeIfAbsent(cacheKey, k -> {
            try (InputStream in = formService.getDeployedTaskForm(task.getId())) {
                return mapper.readTree(in);
            } catch (Exception e) {
                return mapper.createObjectNode(); // no Camunda Form: completed without variables
            }
        });
        return form.has("components") ? form : null;
    }

    private static Set<String> keys(JsonNode form) {
        Set<String> keys = new HashSet<>();
        if (form != null) {
            form.findValues("key").forEach(k -> keys.add(k.asText()));
        }
        return keys;
    }

    /** The behaviour's values for the fields that decide something; generic values for the rest. */
    private FormFiller.Decisions decisions(Tracked t, Set<String> formKeys) {
        Behaviours b = behaviours;
        Behaviours.Partner partner = t == null || t.partnerId == null ? null : b.partner(t.partnerId);
        Map<String, Object> memo = new HashMap<>();
        return new FormFiller.Decisions() {
            @Override
            public Object value(String key, String type, List<String> options) {
                if (!memo.containsKey(key)) {
                    memo.put(key, decide(key, options)); // not computeIfAbsent: decide() may ask for another key
                }
                return memo.get(key);
            }

            private Object decide(String key, List<String> options) {
                LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), MasmTimeZone.zone());
                switch (key) {
                    case "dossierComplete": {
                        boolean first = t == null || checksPerInstance.getOrDefault(t.processInstanceId, 0) <= 1;
                        double incomplete = first ? (partner == null ? 0.25 : partner.incompleteShare()) : 0.1;
                        return b.chance(incomplete) ? "false" : "true";
                    }
                    case "receivedDocuments": {
                        boolean incomplete = formKeys.contains("dossierComplete")
                                ? "false".equals(value("dossierComplete", "radio", List.of("true", "false")))
                                : formKeys.contains("reviewOpinion")
                                && "INCOMPLETE".equals(value("reviewOpinion", "radio", List.of()));
                        List<String> ticked = new ArrayList<>(options);
                        if (incomplete && !ticked.isEmpty()) {
                            ticked.remove(b.random().nextInt(ticked.size()));
                        }
                        return mapper.valueToTree(ticked);
                    }
                    case "missingDocuments":
                        return "Pièces manquantes : statuts certifiés, dernier rapport d'activités (simulation)";
                    case "reviewOpinion":
                        return b.weighted(List.of("FAVOURABLE", "INCOMPLETE", "UNFAVOURABLE"), 0.75, 0.12, 0.13);
                    case "signatureDecision":
                        return options.contains("SIGNED")
                                ? b.weighted(List.of("SIGNED", "RETURNED", "DECLINED"), 0.92, 0.04, 0.04) : null;
                    case "signedOn", "heldOn", "plannedOn", "commissionHeldOn":
                        return today.toString();
                    case "durationMonths":
                        return (long) b.weighted(List.of(24, 36, 48, 60), 0.35, 0.35, 0.15, 0.15);
                    case "midTermRating":
                        return b.weighted(List.of("ON_TRACK", "AT_RISK", "OFF_TRACK"), 0.65, 0.25, 0.10);
                    case "finalRating":
                        return b.weighted(List.of("ACHIEVED", "PARTIALLY_ACHIEVED", "NOT_ACHIEVED"), 0.55, 0.35, 0.10);
                    case "renewalRequested":
                        return b.chance(0.6) ? "true" : "false";
                    case "reportReceived":
                        return t == null || t.reportReceived == null ? Boolean.TRUE : t.reportReceived;
                    case "revocationConfirmed":
                        return b.chance(0.7);
                    case "lateReviewDecision":
                        return b.chance(0.5) ? "REMIND" : "CLOSE_NOT_HELD";
                    case "participantsCount":
                        return (long) (5 + b.random().nextInt(40));
                    case "followUpOutcome":
                        return b.chance(0.7) ? "REMINDED" : "CEASED";
                    case "followUpStatus":
                        return b.weighted(List.of("DONE", "IN_PROGRESS", "DROPPED"), 0.5, 0.4, 0.1);
                    default:
                        return null;
                }
            }

            /** Activities of a quarterly report run during its quarter (the server checks it). */
            @Override
            public Object cell(String path, String key, String type) {
                if (!"datetime".equals(type) || t == null || t.processInstanceId == null) {
                    return null;
                }
                Object quarter = runtimeService.getVariable(t.processInstanceId, "quarter");
                if (quarter == null) {
                    return null;
                }
                try {
                    Quarter q = Quarter.parse(quarter.toString());
                    return key.toLowerCase(Locale.ROOT).contains("end") ? q.end().toString() : q.start().toString();
                } catch (RuntimeException e) {
                    return null;
                }
            }

            @Override
            public Integer rows(String path, List<String> columnKeys, int optionsOfFirstSelect) {
                String p = path.toLowerCase(Locale.ROOT);
                if (p.contains("indicator")) {
                    double completeness = partner == null ? 1.0 : partner.indicatorCompleteness();
                    return Boolean.FALSE.equals(t == null ? null : t.reportReceived) ? 0
                            : (int) Math.round(completeness * optionsOfFirstSelect);
                }
                if (p.contains("activit")) {
                    return 1 + b.random().nextInt(3);
                }
                return null;
            }
        };
    }

    // ---------------------------------------------------------------- jobs and clock

    /** Fires every job due up to {@code until}, in due-date order, each at its due time. */
    private void runJobsUntil(Date until) {
        Map<String, Integer> attempts = new HashMap<>();
        while (true) {
            List<Job> jobs = new ArrayList<>(managementService.createJobQuery().active().withRetriesLeft()
                    .duedateLowerThan(new Date(until.getTime() + 1)).orderByJobDuedate().asc().listPage(0, 100));
            jobs.addAll(managementService.createJobQuery().active().withRetriesLeft().messages().listPage(0, 100));
            jobs.removeIf(j -> attempts.getOrDefault(j.getId(), 0) >= 5);
            if (jobs.isEmpty()) {
                break;
            }
            for (Job job : jobs) {
                if (job.getDuedate() != null) {
                    setClock(job.getDuedate());
                }
                attempts.merge(job.getId(), 1, Integer::sum);
                boolean timer = job instanceof JobEntity entity && "timer".equals(entity.getType());
                try {
                    managementService.executeJob(job.getId());
                    jobsExecuted++;
                    if (timer) {
                        timersFired++;
                    }
                } catch (RuntimeException e) {
                    log.debug("Job {} failed: {}", job.getId(), e.getMessage());
                }
            }
        }
        setClock(until);
    }

    private void checkActivePastEnd(LocalDate day) {
        for (String number : invariants.activePastEndDate(day)) {
            if (activePastEnd.add(number)) {
                violations.add(new SimulationResult.Violation(InvariantChecker.ACTIVE_AFTER_END, number,
                        "convention toujours ACTIVE le " + day + ", après sa date de fin"));
            }
        }
    }

    private static Date at(LocalDate day, LocalTime time) {
        return Date.from(day.atTime(time).atZone(MasmTimeZone.zone()).toInstant());
    }

    /** The engine's clock only moves forward. */
    private static void setClock(Date time) {
        if (time.after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(time);
        }
    }

    private String caseKey(Task task) {
        if (task.getProcessInstanceId() == null) {
            return task.getId();
        }
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        return instance == null || instance.getBusinessKey() == null ? task.getProcessInstanceId() : instance.getBusinessKey();
    }

    /** Sequential ids (the simulation's id generator) in numeric order; any other id in text order. */
    static int compareIds(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    static List<String> sorted(Set<String> values) {
        List<String> list = new ArrayList<>(values);
        Collections.sort(list);
        return list;
    }
}
