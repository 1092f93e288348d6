package bj.gouv.masm.shared.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.security.Groups;
import bj.gouv.masm.support.IntegrationTestBase;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The PostgreSQL variant of the task query (TaskQueryVariantPlugin, TaskQueryPostgres.xml) is in use and
 * returns exactly what Camunda's own statements return, for the users and the queries of Tasklist; it
 * falls back to Camunda's SQL when revoke checks are on. Own process, own group ids and grants (removed
 * at the end; the global grant is on one task of this class): nothing here relies on or changes other
 * tests' data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskQueryVariantTests extends IntegrationTestBase {

    static final String PROCESS = "TaskQueryVariantCase";
    static final String TASK = "Task_TraiterDossier";
    static final String CPS_A = "tqv-cps-a";
    static final String CPS_B = "tqv-cps-b";
    static final String KEY_GROUP = "tqv-key";
    static final String STAR_GROUP = "tqv-star";
    static final int CASES = 40;
    /** Tasks of CPS-A that CPS-B is a candidate group of too (i % 8 == 3): two links a join would repeat. */
    static final int SHARED_WITH_B = CASES / 8;

    /** user → groups, as Tasklist authenticates them. */
    final Map<String, List<String>> users = new LinkedHashMap<>();
    final List<String> grants = new ArrayList<>();
    final List<String> ids = new ArrayList<>();
    String deploymentId;
    String singleTaskId;
    String globalTaskId;

    ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    }

    @BeforeAll
    void createCases() {
        deploymentId = processEngine.getRepositoryService().createDeployment().name("task-query-variant-tests")
                .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                        .name("Dossier de test (requête des tâches)")
                        .camundaHistoryTimeToLive(1)
                        .startEvent("StartEvent_DossierDepose")
                        .userTask(TASK).name("Traiter le dossier").camundaCandidateGroups("${candidateGroup}")
                        .endEvent("EndEvent_DossierTraite")
                        .done())
                .deploy().getId();
        String[] groups = {CPS_A, CPS_B, Groups.DPAF, CPS_A};
        long start = System.currentTimeMillis() - 86_400_000L;
        TaskService tasks = processEngine.getTaskService();
        try {
            for (int i = 0; i < CASES; i++) {
                // distinct creation times and due dates: sorted pages have no ties to order differently
                ClockUtil.setCurrentTime(new Date(start + i * 60_000L));
                String instance = processEngine.getRuntimeService().startProcessInstanceByKey(PROCESS, "TQV-" + i,
                        Map.of("candidateGroup", groups[i % 4], "tqvRank", i, "tqvParity", i % 2 == 0 ? "pair" : "impair"))
                        .getId();
                Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
                task.setDueDate(new Date(start + ((i * 17L) % CASES) * 3_600_000L));
                if (i % 5 == 0) {
                    task.setAssignee("tqv.cps.a");
                } else if (i == 7) {
                    task.setAssignee("tqv.cps.b");
                }
                tasks.saveTask(task);
                if (i % 8 == 3) {
                    tasks.addCandidateGroup(task.getId(), CPS_B);
                }
                if (i == 13) { // a task of CPS-B, offered to one of its clerks by name too
                    tasks.addCandidateUser(task.getId(), "tqv.cps.b");
                }
                ids.add(task.getId());
            }
        } finally {
            ClockUtil.reset();
        }
        singleTaskId = ids.get(6);

        users.put("tqv.cps.a", List.of(CPS_A));
        users.put("tqv.cps.b", List.of(CPS_B));
        users.put("tqv.dpaf", List.of(Groups.DPAF));
        users.put("tqv.admin", List.of(Groups.ADMINS));
        users.put("tqv.nogroup", List.of());
        users.put("tqv.single", List.of());
        users.put("tqv.key", List.of(KEY_GROUP));
        users.put("tqv.star", List.of(STAR_GROUP));
        users.put("tqv.user.key", List.of(CPS_B));
        grant("tqv.single", null, Resources.TASK, singleTaskId, TaskPermissions.READ);
        grant(null, KEY_GROUP, Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ_TASK);
        grant(null, STAR_GROUP, Resources.TASK, "*", TaskPermissions.READ);
        // a user-level grant on the definition, READ only: not READ_TASK, so it shows no task by itself
        grant("tqv.user.key", null, Resources.PROCESS_DEFINITION, PROCESS, ProcessDefinitionPermissions.READ);
        // a global authorization (every user, USER_ID_ '*') on one task of a CPS-B clerk
        globalTaskId = ids.get(9);
        Authorization global = processEngine.getAuthorizationService()
                .createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        global.setResource(Resources.TASK);
        global.setResourceId(globalTaskId);
        global.addPermission(TaskPermissions.READ);
        grants.add(processEngine.getAuthorizationService().saveAuthorization(global).getId());
    }

    private void grant(String user, String group, Resource resource, String resourceId, Permission permission) {
        AuthorizationService authorizations = processEngine.getAuthorizationService();
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setUserId(user);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        grants.add(authorizations.saveAuthorization(authorization).getId());
    }

    @AfterAll
    void removeCases() {
        processEngine.getIdentityService().clearAuthentication();
        grants.forEach(processEngine.getAuthorizationService()::deleteAuthorization);
        processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    /** A Tasklist query; {@code ownTasksOnly}: it can only return this class's tasks, so its order is compared too. */
    record Query(String name, boolean ownTasksOnly, Function<TaskService, TaskQuery> build, int first, int max) {
    }

    List<Query> queries() {
        return List.of(
                // the CPS clerk's task page: candidate group, by due date, 15 a page (first and second page)
                new Query("candidateGroup page 1", true,
                        t -> t.createTaskQuery().taskCandidateGroup(CPS_A).orderByDueDate().asc(), 0, 15),
                new Query("candidateGroup page 2", true,
                        t -> t.createTaskQuery().taskCandidateGroup(CPS_A).orderByDueDate().asc(), 5, 5),
                // « Tâches de mon service »: the groups of the user, assigned tasks included, most urgent first
                new Query("service queue page 1", true,
                        t -> t.createTaskQuery().taskCandidateGroupIn(List.of(CPS_A, CPS_B)).includeAssignedTasks()
                                .orderByDueDate().asc(), 0, 15),
                new Query("service queue page 2", true,
                        t -> t.createTaskQuery().taskCandidateGroupIn(List.of(CPS_A, CPS_B)).includeAssignedTasks()
                                .orderByDueDate().asc(), 15, 15),
                new Query("candidate user", true,
                        t -> t.createTaskQuery().taskCandidateUser("tqv.cps.b").orderByDueDate().asc(), 0, 15),
                new Query("candidate group like", true,
                        t -> t.createTaskQuery().taskCandidateGroupLike("tqv-cps-%").orderByDueDate().desc(), 0, 50),
                new Query("candidateGroup, by a process variable", true,
                        t -> t.createTaskQuery().taskCandidateGroup(CPS_A).orderByProcessVariable("tqvRank",
                                org.camunda.bpm.engine.variable.type.ValueType.INTEGER).desc(), 0, 15),
                new Query("involved user", true,
                        t -> t.createTaskQuery().taskInvolvedUser("tqv.cps.b").orderByDueDate().asc(), 0, 50),
                new Query("or: two candidate groups", true,
                        t -> t.createTaskQuery().or().taskCandidateGroup(CPS_B).taskCandidateGroup(Groups.DPAF).endOr()
                                .orderByDueDate().asc(), 0, 50),
                new Query("candidateGroup + assigned, by creation", true,
                        t -> t.createTaskQuery().taskCandidateGroup(CPS_A).includeAssignedTasks()
                                .orderByTaskCreateTime().desc(), 0, 15),
                new Query("assignee", true,
                        t -> t.createTaskQuery().taskAssignee("tqv.cps.a").orderByDueDate().desc(), 0, 50),
                new Query("or: candidate group or assignee", true,
                        t -> t.createTaskQuery().or().taskCandidateGroup(CPS_B).taskAssignee("tqv.cps.a").endOr()
                                .orderByDueDate().asc(), 0, 50),
                new Query("process variables", true,
                        t -> t.createTaskQuery().processVariableValueGreaterThan("tqvRank", 9)
                                .processVariableValueEquals("tqvParity", "impair").orderByTaskCreateTime().asc(), 0, 50),
                new Query("process definition key, paged", true,
                        t -> t.createTaskQuery().processDefinitionKey(PROCESS).orderByDueDate().desc(), 3, 15),
                // may return other tests' tasks: compared as sets
                new Query("candidateGroup dpaf", false,
                        t -> t.createTaskQuery().taskCandidateGroup(Groups.DPAF), 0, 1000),
                new Query("with candidate groups", false,
                        t -> t.createTaskQuery().withCandidateGroups(), 0, 1000),
                new Query("with candidate users", false,
                        t -> t.createTaskQuery().withCandidateUsers(), 0, 1000),
                new Query("everything visible", false, TaskService::createTaskQuery, 0, 1000));
    }

    record Result(List<String> ids, long count) {
    }

    private Result run(String user, Query query) {
        processEngine.getIdentityService().setAuthentication(user, users.get(user));
        try {
            TaskQuery list = query.build().apply(processEngine.getTaskService());
            List<String> found = list.listPage(query.first(), query.max()).stream().map(Task::getId).toList();
            long count = query.build().apply(processEngine.getTaskService()).count();
            return new Result(found, count);
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    /** Runs with Camunda's own statements (the variant unmapped), the mapping restored afterwards. */
    private <T> T withCamundaStatements(Supplier<T> action) {
        DbSqlSessionFactory factory = configuration().getDbSqlSessionFactory();
        TaskQueryVariantPlugin.mapStatements(factory, false);
        try {
            return action.get();
        } finally {
            TaskQueryVariantPlugin.mapStatements(factory, true);
        }
    }

    private void assertSameAsCamunda() {
        for (String user : users.keySet()) {
            for (Query query : queries()) {
                Result variant = run(user, query);
                Result camunda = withCamundaStatements(() -> run(user, query));
                String what = user + ", " + query.name();
                assertThat(variant.count()).as(what + ": count").isEqualTo(camunda.count());
                if (query.ownTasksOnly()) {
                    assertThat(variant.ids()).as(what + ": ids in order").containsExactlyElementsOf(camunda.ids());
                } else {
                    assertThat(variant.ids()).as(what + ": ids").containsExactlyInAnyOrderElementsOf(camunda.ids());
                }
            }
        }
    }

    @Test
    void shouldBeActiveOnPostgresql() {
        assertThat(configuration().getDatabaseType()).isEqualTo(DbSqlSessionFactory.POSTGRES);
        Map<String, String> mappings = configuration().getDbSqlSessionFactory().getStatementMappings();
        TaskQueryVariantPlugin.STATEMENTS.forEach((camunda, variant) -> {
            assertThat(mappings).containsEntry(camunda, variant);
            assertThat(configuration().getDbSqlSessionFactory().mapStatement(camunda)).isEqualTo(variant);
            assertThat(configuration().getSqlSessionFactory().getConfiguration().hasStatement(variant)).isTrue();
        });
    }

    @Test
    void shouldReturnWhatCamundasStatementsReturnForEveryUserAndQuery() {
        assertSameAsCamunda();
    }

    @Test
    void shouldSeeTheTasksEachGrantGives() {
        Query all = new Query("own tasks", true, t -> t.createTaskQuery().processDefinitionKey(PROCESS), 0, 1000);
        long ofB = CASES / 4;
        // the engine grants the assignee the task too: 4 tasks of other groups assigned to tqv.cps.a, 1 to tqv.cps.b;
        // the global grant adds one task of CPS-B to everyone else
        assertThat(run("tqv.cps.a", all).count()).as("candidate group and assignee grants").isEqualTo(CASES / 2 + 4 + 1);
        assertThat(run("tqv.cps.b", all).count()).as("its group's, those shared with CPS-A and its assigned one")
                .isEqualTo(ofB + SHARED_WITH_B + 1);
        assertThat(run("tqv.user.key", all).count()).as("READ on the definition is not READ_TASK")
                .isEqualTo(ofB + SHARED_WITH_B);
        assertThat(run("tqv.dpaf", all).count()).isEqualTo(CASES / 4 + 1);
        assertThat(run("tqv.nogroup", all).ids()).as("the global grant only").containsExactly(globalTaskId);
        assertThat(run("tqv.single", all).ids()).containsExactlyInAnyOrder(singleTaskId, globalTaskId);
        assertThat(run("tqv.key", all).count()).as("READ_TASK on the definition key").isEqualTo(CASES);
        assertThat(run("tqv.star", all).count()).as("READ on every task").isEqualTo(CASES);
        assertThat(run("tqv.admin", all).count()).isEqualTo(CASES);
    }

    /** The SQL the variant's list statement produces for a query of the user, as the engine prepares it. */
    private String variantSql(String user, List<String> groups) {
        return variantSql(user, groups, "selectTaskByQueryCriteria", t -> t.createTaskQuery().taskCandidateGroup(CPS_A));
    }

    private String variantSql(String user, List<String> groups, String camundaStatement,
                              Function<TaskService, TaskQuery> build) {
        processEngine.getIdentityService().setAuthentication(user, groups);
        try {
            return configuration().getCommandExecutorTxRequired().execute(context -> {
                TaskQueryImpl query = (TaskQueryImpl) build.apply(processEngine.getTaskService());
                context.getAuthorizationManager().configureTaskQuery(query);
                Configuration mybatis = configuration().getSqlSessionFactory().getConfiguration();
                return mybatis.getMappedStatement(TaskQueryVariantPlugin.STATEMENTS.get(camundaStatement))
                        .getBoundSql(query).getSql().replaceAll("\\s+", " ");
            });
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void shouldWriteTheCheckAsExistsInsteadOfCamundasJoin() {
        String sql = variantSql("tqv.cps.a", List.of(CPS_A));

        assertThat(sql).contains("EXISTS (SELECT 1 FROM").contains("A.RESOURCE_ID_ = RES.ID_")
                .contains("A.RESOURCE_ID_ = D.KEY_").doesNotContain("AUTH ON");
    }

    @Test
    void shouldAskTheOfficesQueueThroughOneCandidateLinkWithoutDistinct() {
        Function<TaskService, TaskQuery> queue = t -> t.createTaskQuery().taskCandidateGroupIn(List.of(CPS_A, CPS_B))
                .includeAssignedTasks().orderByDueDate().asc();

        String list = variantSqlOfPage("tqv.cps.a", queue, 15);
        String count = variantSql("tqv.cps.a", List.of(CPS_A, CPS_B), "selectTaskCountByQueryCriteria", queue);

        assertThat(list).contains("EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_")
                .doesNotContain("join ACT_RU_IDENTITYLINK").doesNotContainIgnoringCase("distinct");
        assertThat(count).contains("select count(RES.ID_)").doesNotContainIgnoringCase("distinct")
                .doesNotContain("join ACT_RU_IDENTITYLINK");
        assertThat(list).as("a page read by due date probes the grants task by task").contains("OFFSET 0)");
        assertThat(count).as("a count hashes them").doesNotContain("OFFSET 0");
    }

    @Test
    void shouldHashTheGrantsOfListsThatAreNotAPageInIndexOrder() {
        String everything = variantSqlOfPage("tqv.cps.a", t -> t.createTaskQuery().taskCandidateGroup(CPS_A)
                .orderByDueDate().asc(), TaskQueryVariantPlugin.PAGE_SIZE_LIMIT + 1);
        String byName = variantSqlOfPage("tqv.cps.a", t -> t.createTaskQuery().taskCandidateGroup(CPS_A)
                .orderByTaskName().asc(), 15);
        String byCreation = variantSqlOfPage("tqv.cps.a", t -> t.createTaskQuery().taskCandidateGroup(CPS_A)
                .orderByTaskCreateTime().desc(), 15);
        String deepPage = variantSqlOfPage("tqv.cps.a", t -> {
            TaskQueryImpl query = (TaskQueryImpl) t.createTaskQuery().taskCandidateGroup(CPS_A).orderByDueDate().asc();
            query.setFirstResult(TaskQueryVariantPlugin.PAGE_SIZE_LIMIT);
            return query;
        }, 15);

        assertThat(everything).doesNotContain("OFFSET 0");
        assertThat(byName).doesNotContain("OFFSET 0");
        assertThat(byCreation).contains("OFFSET 0)");
        assertThat(deepPage).as("a deep page reads every task before it").doesNotContain("OFFSET 0");
    }

    /** The list statement's SQL for a page of {@code max} tasks. */
    private String variantSqlOfPage(String user, Function<TaskService, TaskQuery> build, int max) {
        return variantSql(user, users.get(user), "selectTaskByQueryCriteria", t -> {
            TaskQueryImpl query = (TaskQueryImpl) build.apply(t);
            query.setMaxResults(max);
            return query;
        });
    }

    @Test
    void shouldKeepCamundasJoinAndDistinctWhereALinkOrAVariableCanRepeatATask() {
        String involved = variantSql("tqv.cps.a", List.of(CPS_A), "selectTaskByQueryCriteria",
                t -> t.createTaskQuery().taskInvolvedUser("tqv.cps.a"));
        String or = variantSql("tqv.cps.a", List.of(CPS_A), "selectTaskByQueryCriteria",
                t -> t.createTaskQuery().or().taskCandidateGroup(CPS_B).taskAssignee("tqv.cps.a").endOr());
        String byVariable = variantSql("tqv.cps.a", List.of(CPS_A), "selectTaskByQueryCriteria",
                t -> t.createTaskQuery().processDefinitionKey(PROCESS).orderByProcessVariable("tqvRank",
                        org.camunda.bpm.engine.variable.type.ValueType.INTEGER).asc());

        assertThat(involved).contains("left join ACT_RU_IDENTITYLINK I").containsIgnoringCase("select distinct");
        assertThat(or).contains("left join ACT_RU_IDENTITYLINK I").containsIgnoringCase("select distinct");
        assertThat(byVariable).containsIgnoringCase("select distinct");
    }

    @Test
    void shouldFallBackToCamundasSqlWhenRevokeChecksAreOn() {
        ProcessEngineConfigurationImpl configuration = configuration();
        String revokes = configuration.getAuthorizationCheckRevokes();
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfigurationImpl.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
        try {
            String sql = variantSql("tqv.cps.a", List.of(CPS_A));
            assertThat(sql).doesNotContain("EXISTS (SELECT 1 FROM").contains("A.TYPE_ = 2");
            assertSameAsCamunda();
        } finally {
            configuration.setAuthorizationCheckRevokes(revokes);
        }
    }

    @Test
    void shouldLeaveNothingIncompleteWhenCamundasFragmentsAreMissing() {
        // a MyBatis configuration without Camunda's Task.xml, as with another engine version or package names
        Configuration empty = new Configuration();

        assertThatThrownBy(() -> TaskQueryVariantPlugin.registerMapper(empty)).isInstanceOf(IllegalStateException.class);
        assertThat(empty.getIncompleteStatements()).isEmpty();
        assertThat(empty.getMappedStatementNames()).isEmpty();
    }

    @Test
    void shouldAcceptOnlyTheChecksItWritesAsExists() {
        // Camunda's builder reads the engine's settings: inside a command
        configuration().getCommandExecutorTxRequired().execute(context -> {
            assertAcceptsOnlyTheChecksItWritesAsExists();
            return null;
        });
    }

    private void assertAcceptsOnlyTheChecksItWritesAsExists() {
        CompositePermissionCheck taskCheck = new PermissionCheckBuilder().disjunctive()
                .atomicCheck(Resources.TASK, "RES.ID_", TaskPermissions.READ)
                .atomicCheck(Resources.PROCESS_DEFINITION, "D.KEY_", ProcessDefinitionPermissions.READ_TASK)
                .build();
        assertThat(TaskQueryVariantPlugin.existsCheckApplies(check(taskCheck, false))).isTrue();
        assertThat(TaskQueryVariantPlugin.existsCheckApplies(check(taskCheck, true))).as("revoke checks").isFalse();

        CompositePermissionCheck conjunctive = new PermissionCheckBuilder().conjunctive()
                .atomicCheck(Resources.TASK, "RES.ID_", TaskPermissions.READ)
                .atomicCheck(Resources.PROCESS_DEFINITION, "D.KEY_", ProcessDefinitionPermissions.READ_TASK)
                .build();
        assertThat(TaskQueryVariantPlugin.existsCheckApplies(check(conjunctive, false))).isFalse();

        CompositePermissionCheck composite = new PermissionCheckBuilder().disjunctive()
                .composite().atomicCheck(Resources.TASK, "RES.ID_", TaskPermissions.READ).done()
                .composite().atomicCheck(Resources.TASK, "RES.ID_", TaskPermissions.UPDATE).done()
                .build();
        assertThat(TaskQueryVariantPlugin.existsCheckApplies(check(composite, false))).isFalse();

        CompositePermissionCheck byValue = new PermissionCheckBuilder().disjunctive()
                .atomicCheckForResourceId(Resources.TASK, "some-task", TaskPermissions.READ)
                .build();
        assertThat(TaskQueryVariantPlugin.existsCheckApplies(check(byValue, false))).isFalse();
        assertThat(TaskQueryVariantPlugin.existsCheckApplies(null)).isFalse();
    }

    private static AuthorizationCheck check(CompositePermissionCheck permissions, boolean revoke) {
        AuthorizationCheck check = new AuthorizationCheck("someone", List.of("some-group"), permissions, revoke);
        check.setAuthorizationCheckEnabled(true);
        check.setShouldPerformAuthorizatioCheck(true);
        return check;
    }
}
