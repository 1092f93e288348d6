package bj.gouv.masm.security;

import static bj.gouv.masm.security.SecurityFixtures.Actor.ADMIN;
import static bj.gouv.masm.security.SecurityFixtures.Actor.ANALYST;
import static bj.gouv.masm.security.SecurityFixtures.Actor.CABINET;
import static bj.gouv.masm.security.SecurityFixtures.Actor.CPS_ALIBORI;
import static bj.gouv.masm.security.SecurityFixtures.Actor.CPS_BORGOU;
import static bj.gouv.masm.security.SecurityFixtures.Actor.DPAF;
import static bj.gouv.masm.security.SecurityFixtures.Actor.MANAGER;
import static bj.gouv.masm.security.SecurityFixtures.Actor.OFFE;
import static bj.gouv.masm.security.SecurityFixtures.Actor.SGM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerAccess;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.security.SecurityFixtures.Actor;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may do what, for every group and every kind of object: each row names an action and the
 * groups allowed to do it; the check runs for one demo user of every group and must succeed for the
 * allowed ones and be refused for all others. Rows run through the engine API (as the user), through
 * /engine-rest and through /api over HTTP.
 *
 * <p>To add a row (e.g. once the convention and report endpoints exist): {@code row(object, action,
 * allowed actors, actor -> true if it succeeded / false if refused)}.
 */
class AuthorizationMatrixTests extends IntegrationTestBase {

    private static final Set<Actor> EVERYONE = EnumSet.allOf(Actor.class);
    private static final Set<Actor> WORKING = EnumSet.of(CPS_BORGOU, CPS_ALIBORI, DPAF, SGM, OFFE, CABINET);
    private static final Set<Actor> NATIONAL = EnumSet.of(DPAF, SGM, OFFE, CABINET, MANAGER, ANALYST, ADMIN);

    @Autowired
    PartnerRepository partners;

    @Autowired
    ConventionRepository conventions;

    @Autowired
    AccessScope accessScope;

    @Autowired
    bj.gouv.masm.reporting.QuarterlyReportRepository reports;

    @Autowired
    PartnerAccess partnerAccess;

    SecurityFixtures fx;

    @FunctionalInterface
    interface Check {
        /** Performs the action as the actor: true if it was done, false if it was refused. */
        boolean attempt(Actor actor) throws Exception;
    }

    record Row(String object, String action, Set<Actor> allowed, Check check) {
    }

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
        fx.deployCaseProcess();
    }

    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // ---- tasks (engine API) ----
        rows.add(row("task of Borgou", "see in a task query (engine)", set(CPS_BORGOU, MANAGER, ADMIN), a -> {
            ProcessInstance instance = fx.startCase("BORGOU");
            return asUser(a, () -> processEngine.getTaskService().createTaskQuery()
                    .processInstanceId(instance.getId()).count() == 1);
        }));
        rows.add(row("task of Borgou", "complete (engine)", set(CPS_BORGOU, ADMIN), a -> {
            ProcessInstance instance = fx.startCase("BORGOU");
            String task = fx.taskOf(instance);
            return refusedIfDenied(a, () -> processEngine.getTaskService().complete(task));
        }));
        rows.add(row("task of Alibori", "claim (engine)", set(CPS_ALIBORI, ADMIN), a -> {
            ProcessInstance instance = fx.startCase("ALIBORI");
            String task = fx.taskOf(instance);
            return refusedIfDenied(a, () -> processEngine.getTaskService().claim(task, a.userId));
        }));
        // ---- process instances (engine API) ----
        rows.add(row("process instance of Borgou", "see (runtime, engine)",
                set(CPS_BORGOU, DPAF, SGM, MANAGER, ANALYST, ADMIN),
                a -> {
                    ProcessInstance instance = fx.startCase("BORGOU");
                    return asUser(a, () -> processEngine.getRuntimeService().createProcessInstanceQuery()
                            .processInstanceId(instance.getId()).count() == 1);
                }));
        rows.add(row("process instance of Alibori", "see (runtime, engine)",
                set(CPS_ALIBORI, DPAF, SGM, MANAGER, ANALYST, ADMIN), a -> {
                    ProcessInstance instance = fx.startCase("ALIBORI");
                    return asUser(a, () -> processEngine.getRuntimeService().createProcessInstanceQuery()
                            .processInstanceId(instance.getId()).count() == 1);
                }));
        rows.add(row("process instance of Borgou", "see its history (engine)",
                set(CPS_BORGOU, DPAF, SGM, MANAGER, ANALYST, ADMIN), a -> {
                    ProcessInstance instance = fx.startCase("BORGOU");
                    return asUser(a, () -> processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                            .processInstanceId(instance.getId()).count() == 1);
                }));
        rows.add(row("process instance of Borgou", "change a variable (engine)", set(ADMIN), a -> {
            ProcessInstance instance = fx.startCase("BORGOU");
            return refusedIfDenied(a, () -> processEngine.getRuntimeService()
                    .setVariable(instance.getId(), "tampered", true));
        }));
        rows.add(row("process instance of Borgou", "delete (engine)", set(ADMIN), a -> {
            ProcessInstance instance = fx.startCase("BORGOU");
            return refusedIfDenied(a, () -> processEngine.getRuntimeService()
                    .deleteProcessInstance(instance.getId(), "matrix test"));
        }));
        // ---- process definitions ----
        Set<Actor> fileDossier = EnumSet.of(CPS_BORGOU, CPS_ALIBORI, DPAF, ADMIN);
        rows.add(row("ConventionLifecycle", "start a case (Tasklist « Démarrer un processus »)", fileDossier,
                a -> isAuthorized(a, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                        AuthorizationSetup.CONVENTION_LIFECYCLE)
                        && isAuthorized(a, ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION,
                        AuthorizationSetup.CONVENTION_LIFECYCLE)
                        && isAuthorized(a, ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE, "*")));
        rows.add(row("any other process", "start (engine)", set(ADMIN), a -> refusedIfDenied(a,
                () -> processEngine.getRuntimeService().startProcessInstanceByKey(SecurityFixtures.CASE_PROCESS,
                        java.util.Map.of("department", "BORGOU", "candidateGroup", "cps-borgou")))));
        // ---- deployments ----
        rows.add(row("deployment", "create (engine)", set(ANALYST, ADMIN), a -> refusedIfDenied(a,
                () -> processEngine.getRepositoryService().createDeployment().name("matrix-" + a)
                        .addModelInstance("SecurityDeployCheck.bpmn", SecurityFixtures.caseModel("SecurityDeployCheck"))
                        .deploy())));
        // ---- Tasklist, Cockpit, Admin ----
        Set<Actor> tasklist = EnumSet.copyOf(WORKING);
        tasklist.add(ADMIN);
        rows.add(row("Tasklist", "open", tasklist,
                a -> isAuthorized(a, Permissions.ACCESS, Resources.APPLICATION, "tasklist")));
        rows.add(row("filters « Mes tâches » and « Tâches de mon service »", "read", tasklist, a -> asUser(a,
                () -> processEngine.getFilterService().createFilterQuery()
                        .filterName(AuthorizationSetup.FILTER_MY_TASKS).count() == 1
                        && processEngine.getFilterService().createFilterQuery()
                        .filterName(AuthorizationSetup.FILTER_MY_SERVICE_TASKS).count() == 1)));
        rows.add(row("Cockpit", "open", set(MANAGER, ANALYST, ADMIN),
                a -> isAuthorized(a, Permissions.ACCESS, Resources.APPLICATION, "cockpit")));
        rows.add(row("Admin", "open", set(ADMIN),
                a -> isAuthorized(a, Permissions.ACCESS, Resources.APPLICATION, "admin")));
        rows.add(row("users", "create (engine)", set(ADMIN), a -> {
            String id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            boolean done = refusedIfDenied(a, () -> {
                User user = processEngine.getIdentityService().newUser(id);
                user.setPassword("Une-phrase-de-passe-1");
                processEngine.getIdentityService().saveUser(user);
            });
            processEngine.getIdentityService().deleteUser(id);
            return done;
        }));

        // ---- /engine-rest over HTTP ----
        rows.add(row("task of Borgou", "list (GET /engine-rest/task)", set(CPS_BORGOU, MANAGER, ADMIN), a -> {
            ProcessInstance instance = fx.startCase("BORGOU");
            HttpResponse<String> response = fx.get(a, "/engine-rest/task?maxResults=50&processInstanceId=" + instance.getId());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body().contains(instance.getId());
        }));
        rows.add(row("task of Borgou", "complete (POST /engine-rest/task/{id}/complete)", set(CPS_BORGOU, ADMIN), a -> {
            ProcessInstance instance = fx.startCase("BORGOU");
            return httpOutcome(fx.postJson(a, "/engine-rest/task/" + fx.taskOf(instance) + "/complete", "{}"));
        }));
        rows.add(row("process instance of Borgou", "read (GET /engine-rest/process-instance/{id})",
                set(CPS_BORGOU, DPAF, SGM, MANAGER, ANALYST, ADMIN), a -> {
                    ProcessInstance instance = fx.startCase("BORGOU");
                    return httpOutcome(fx.get(a, "/engine-rest/process-instance/" + instance.getId()));
                }));
        rows.add(row("process instance of Borgou", "read history (GET /engine-rest/history/process-instance)",
                set(CPS_BORGOU, DPAF, SGM, MANAGER, ANALYST, ADMIN), a -> {
                    ProcessInstance instance = fx.startCase("BORGOU");
                    HttpResponse<String> response = fx.get(a,
                            "/engine-rest/history/process-instance?maxResults=50&processInstanceId=" + instance.getId());
                    assertThat(response.statusCode()).isEqualTo(200);
                    return response.body().contains(instance.getId());
                }));
        rows.add(row("process instance of Borgou", "delete (DELETE /engine-rest/process-instance/{id})", set(ADMIN),
                a -> {
                    ProcessInstance instance = fx.startCase("BORGOU");
                    return httpOutcome(fx.delete(a, "/engine-rest/process-instance/" + instance.getId()));
                }));
        rows.add(row("deployment", "create like Camunda Modeler (POST /engine-rest/deployment/create)",
                set(ANALYST, ADMIN), a -> httpOutcome(fx.deployLikeModeler(a, "ModelerDeployCheck"))));
        // ---- approvals cannot be skipped (EngineCommandGuard): administrators only ----
        rows.add(row("department-scoped case", "start at a chosen activity (startInstructions over /engine-rest)",
                set(ADMIN), a -> httpOutcome(fx.postJson(a,
                        "/engine-rest/process-definition/key/" + SecurityFixtures.CASE_PROCESS + "/start",
                        "{\"variables\": {\"department\": {\"value\": \"BORGOU\"}, \"candidateGroup\": "
                                + "{\"value\": \"cps-borgou\"}}, \"startInstructions\": [{\"type\": "
                                + "\"startBeforeActivity\", \"activityId\": \"" + SecurityFixtures.CASE_TASK + "\"}]}"))));
        rows.add(row("process instance of Borgou",
                "modify (POST /engine-rest/process-instance/{id}/modification)", set(ADMIN), a -> {
                    ProcessInstance instance = fx.startCase("BORGOU");
                    return httpOutcome(fx.postJson(a, "/engine-rest/process-instance/" + instance.getId()
                            + "/modification", "{\"instructions\": [{\"type\": \"startBeforeActivity\", "
                            + "\"activityId\": \"" + SecurityFixtures.CASE_TASK + "\"}]}"));
                }));
        rows.add(row("model with a forbidden expression", "deploy (POST /engine-rest/deployment/create)",
                EnumSet.noneOf(Actor.class), a -> {
                    HttpResponse<String> response = fx.deployFiles(a, "matrix-forbidden", java.util.Map.of(
                            "MatrixForbidden.bpmn", org.camunda.bpm.model.bpmn.Bpmn.convertToString(
                                    org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("MatrixForbidden")
                                            .camundaHistoryTimeToLive(1).startEvent().serviceTask("Task_Promote")
                                            .camundaExpression("${identityService.createMembership('analyst', 'camunda-admin')}")
                                            .endEvent().done())));
                    // analysts and administrators get the guard's 400, the others 403: nobody deploys it
                    return response.statusCode() == 400 ? false : httpOutcome(response);
                }));

        // ---- /api over HTTP ----
        rows.add(row("reference data", "read (GET /api/reference)", EVERYONE,
                a -> httpOutcome(fx.get(a, "/api/reference/departments"))));
        Set<Actor> borgouReaders = EnumSet.copyOf(NATIONAL);
        borgouReaders.add(CPS_BORGOU);
        rows.add(row("convention of Borgou", "read who did what (GET /api/audit/conventions/{number})", borgouReaders,
                a -> httpOutcome(fx.get(a, "/api/audit/conventions/" + convention("BORGOU").getNumber()))));
        Set<Actor> nationalOnly = EnumSet.copyOf(NATIONAL);
        rows.add(row("convention of a PTF (no department)", "read who did what (GET /api/audit/conventions/{number})",
                nationalOnly, a -> httpOutcome(fx.get(a, "/api/audit/conventions/" + convention(null).getNumber()))));
        // ---- /api rule set (AccessScope), as the user ----
        rows.add(row("partner active in Borgou", "create or edit (PartnerAccess)",
                set(CPS_BORGOU, DPAF, ADMIN),
                a -> asUser(a, () -> partnerAccess.mayEdit(partner("BORGOU")))));
        rows.add(row("nationwide partner", "create or edit (PartnerAccess)", set(CPS_BORGOU, CPS_ALIBORI, DPAF, ADMIN),
                a -> asUser(a, () -> {
                    Partner partner = partner("ZOU");
                    partner.setNationwide(true);
                    return partnerAccess.mayEdit(partner);
                })));
        rows.add(row("convention or report of Alibori", "see (AccessScope.requireDepartment)",
                with(NATIONAL, CPS_ALIBORI), a -> apiOutcome(a, () -> accessScope.requireDepartment("ALIBORI"))));
        rows.add(row("case data", "change (AccessScope.requireCanWrite)",
                with(WORKING, ADMIN), a -> apiOutcome(a, accessScope::requireCanWrite)));
        rows.add(row("convention of Borgou", "read (GET /api/conventions/{number})", borgouReaders,
                a -> httpOutcome(fx.get(a, "/api/conventions/" + convention("BORGOU").getNumber()))));
        rows.add(row("partner based in Borgou", "create (POST /api/partners)", set(CPS_BORGOU, DPAF, ADMIN),
                a -> httpOutcome(fx.postJson(a, "/api/partners", newPartnerJson("BORGOU")))));
        rows.add(row("past quarter", "open its reports by hand (POST /api/reporting/quarters/{q}/open)",
                set(DPAF, ADMIN), a -> httpOutcome(fx.postJson(a, "/api/reporting/quarters/2019-Q1/open", "{}"))));
        // ---- hardening (issue 10, items 4, 9, 10) ----
        rows.add(row("open quarterly report of Borgou", "write indicator values (POST /api/reports/{key}/indicators)",
                set(CPS_BORGOU, DPAF, OFFE, ADMIN), a -> httpOutcome(fx.postJson(a,
                        "/api/reports/" + openReport("BORGOU").getBusinessKey() + "/indicators",
                        "{\"values\": [{\"code\": \"SIDOFFE-01\", \"value\": 3}]}"))));
        rows.add(row("audit trail", "list events by period (GET /api/audit/events)", set(ADMIN),
                a -> httpOutcome(fx.get(a, "/api/audit/events?from=2026-01-01&to=2026-12-31"))));
        rows.add(row("partner based in Borgou", "create from another site (POST /api/partners, Origin elsewhere)",
                set(), a -> httpOutcome(fx.send(a, java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(baseUrl() + "/api/partners"))
                        .header("Content-Type", "application/json").header("Origin", "https://evil.example")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(newPartnerJson("BORGOU")))))));
        // ---- PTF accountability, programmes, coordination bodies ----
        rows.add(row("PTF", "record a funded activity (POST /api/partners/{id}/funded-activities)", set(DPAF, ADMIN),
                a -> httpOutcome(fx.postJson(a, "/api/partners/" + convention(null).getPartnerId() + "/funded-activities",
                        "{\"description\": \"Matrice\", \"department\": \"LITTORAL\", \"commune\": \"Cotonou\", "
                                + "\"domain\": \"FAMILY\", \"targetGroup\": \"WOMEN\", \"startDate\": \"2026-01-01\", "
                                + "\"endDate\": \"2026-12-31\", \"amountXof\": 1000}"))));
        rows.add(row("programme", "create (POST /api/programmes)", set(DPAF, ADMIN),
                a -> httpOutcome(fx.postJson(a, "/api/programmes", "{\"name\": \"Programme matrice " + UUID.randomUUID()
                        + "\", \"startDate\": \"2020-01-01\"}"))));
        rows.add(row("Joint Commission", "convene an extraordinary session (POST /api/joint-commission/sessions)",
                set(DPAF, CABINET, ADMIN), a -> httpOutcome(fx.postJson(a, "/api/joint-commission/sessions",
                        "{\"reason\": \"Matrice\", \"plannedOn\": \"" + LocalDate.now().plusYears(3).plusDays(7L * a.ordinal())
                                + "\"}"))));
        rows.add(row("coordination indicator", "read (GET /api/coordination/kpi)", EVERYONE,
                a -> httpOutcome(fx.get(a, "/api/coordination/kpi?year=2020"))));
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> shouldAllowExactlyWhatEachGroupNeeds() {
        return rows().stream().flatMap(row -> Stream.of(Actor.values()).map(actor -> DynamicTest.dynamicTest(
                row.object() + " | " + row.action() + " | " + actor.userId + " → "
                        + (row.allowed().contains(actor) ? "allowed" : "refused"),
                () -> {
                    boolean done;
                    try {
                        done = row.check().attempt(actor);
                    } finally {
                        fx.clear();
                    }
                    assertThat(done).as("%s may %s %s", actor.userId, row.action(), row.object())
                            .isEqualTo(row.allowed().contains(actor));
                })));
    }

    @org.junit.jupiter.api.Test
    void shouldLetAnalystsDeployFromCamundaModelerAndRefuseClerks() {
        String key = "ModelerDeploy" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
        HttpResponse<String> clerk = fx.deployLikeModeler(CPS_BORGOU, key);
        assertThat(clerk.statusCode()).as(clerk.body()).isEqualTo(403);
        assertThat(clerk.body()).contains("AuthorizationException").contains("CREATE").contains("Deployment");
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .count()).isZero();

        HttpResponse<String> analyst = fx.deployLikeModeler(ANALYST, key);
        assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(200);
        assertThat(analyst.body()).contains("deployedProcessDefinitions").contains(key);
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .count()).isEqualTo(1);

        HttpResponse<String> manager = fx.deployLikeModeler(MANAGER, key + "M");
        assertThat(manager.statusCode()).isEqualTo(403);
    }

    // ---- helpers ----

    private static Row row(String object, String action, Set<Actor> allowed, Check check) {
        return new Row(object, action, allowed, check);
    }

    private static Set<Actor> set(Actor... actors) {
        return actors.length == 0 ? EnumSet.noneOf(Actor.class) : EnumSet.of(actors[0], actors);
    }

    /** An open quarterly report of the department (no process instance: the API path only). */
    private bj.gouv.masm.reporting.QuarterlyReport openReport(String department) {
        Convention convention = convention(department);
        var report = new bj.gouv.masm.reporting.QuarterlyReport(convention.getNumber(), convention.getId(),
                convention.getPartnerId(), department, new bj.gouv.masm.reporting.Quarter(2026, 1), 77);
        report.touch("matrix-test", OffsetDateTime.now());
        return reports.save(report);
    }

    private static Set<Actor> with(Set<Actor> base, Actor extra) {
        Set<Actor> set = EnumSet.copyOf(base);
        set.add(extra);
        return set;
    }

    private boolean asUser(Actor actor, java.util.function.BooleanSupplier action) {
        fx.authenticate(actor);
        try {
            return action.getAsBoolean();
        } finally {
            fx.clear();
        }
    }

    private boolean refusedIfDenied(Actor actor, Runnable action) {
        fx.authenticate(actor);
        try {
            action.run();
            return true;
        } catch (AuthorizationException e) {
            return false;
        } finally {
            fx.clear();
        }
    }

    private boolean apiOutcome(Actor actor, Runnable action) {
        fx.authenticate(actor);
        try {
            action.run();
            return true;
        } catch (ApiException e) {
            assertThat(e.status().value()).isIn(403, 404);
            return false;
        } finally {
            fx.clear();
        }
    }

    private boolean isAuthorized(Actor actor, org.camunda.bpm.engine.authorization.Permission permission,
                                 org.camunda.bpm.engine.authorization.Resource resource, String resourceId) {
        List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember(actor.userId).list()
                .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
        return processEngine.getAuthorizationService().isUserAuthorized(actor.userId, groups, permission, resource,
                resourceId);
    }

    /** 2xx: done; 403 or 404: refused (another department's record does not exist for the user). */
    private static boolean httpOutcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return true;
        }
        if (status == 403 || status == 404) {
            return false;
        }
        return fail("unexpected HTTP " + status + ": " + response.body());
    }

    private static String newPartnerJson(String department) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return """
                {"name": "Association matrice %s", "kind": "OSC", "organisationType": "NATIONAL_NGO",
                 "registrationNumber": "MAT-%s", "headOfficeDepartment": "%s", "departments": ["%s"],
                 "subSectors": ["SOCIAL_AFFAIRS"], "domains": ["CHILD_PROTECTION"], "targetGroups": ["CHILDREN"]}"""
                .formatted(suffix, suffix, department, department);
    }

    private Partner partner(String department) {
        Partner partner = new Partner("Partenaire test " + UUID.randomUUID(), PartnerKind.OSC, "NATIONAL_NGO");
        partner.setHeadOfficeDepartment(department);
        partner.setDepartments(Set.of(department));
        return partner;
    }

    private Convention convention(String department) {
        Partner partner = partner(department == null ? "LITTORAL" : department);
        partner.setRegistrationNumber("SEC-" + UUID.randomUUID());
        if (department == null) {
            partner.setKind(PartnerKind.PTF);
            partner.setOrganisationType("BILATERAL_AGENCY");
        }
        partner.touch("matrix-test", OffsetDateTime.now());
        partner = partners.save(partner);
        String number = nextConventionNumber(2099);
        LocalDate start = LocalDate.of(2026, 1, 1);
        Convention convention = new Convention(number, partner.getId(), department, start, 24, start,
                start.plusMonths(24), start.plusMonths(12), start.plusMonths(21));
        convention.touch("matrix-test", OffsetDateTime.now());
        return conventions.save(convention);
    }
}
