package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The verified-credentials cache of /engine-rest (README, "Performance") never lets through what the engine
 * would refuse: a wrong password is never answered from it, and a changed password, a lock, a deletion or a
 * removed group membership apply to the very next request.
 */
class CredentialCacheTests extends IntegrationTestBase {

    static final String PASSWORD = "Mémoire-Courte-2026!";
    static final String NEW_PASSWORD = "Nouveau-Secret-2026!";
    /** Own loopback address: its failed logins do not count against other tests' addresses. */
    static final String ADDRESS = "127.0.0.13";
    static final String PATH = "/engine-rest/task/count";

    @Autowired
    VerifiedCredentialsCache cache;

    IdentityService identity;
    String user;

    @BeforeEach
    void createUser() {
        identity = processEngine.getIdentityService();
        user = "cache." + UUID.randomUUID().toString().substring(0, 8);
        User entity = identity.newUser(user);
        entity.setFirstName("Essai");
        entity.setLastName("Cache");
        entity.setPassword(PASSWORD);
        identity.saveUser(entity);
    }

    @AfterEach
    void deleteUser() {
        identity.deleteUser(user);
    }

    private int status(String password) {
        return LoopbackHttp.getWithBasic(ADDRESS, port, PATH, user, password).status();
    }

    @Test
    void shouldRememberAVerifiedPasswordAndNeverAnswerAWrongOneFromIt() {
        assertThat(cache.enabled()).as("on in the default configuration").isTrue();
        assertThat(status(PASSWORD)).isEqualTo(200);
        assertThat(cache.lookup(processEngine.getName(), user, PASSWORD)).as("remembered").isNotNull();
        assertThat(cache.lookup(processEngine.getName(), user, PASSWORD + "x")).isNull();

        assertThat(status("Mauvais-Secret-2026!")).isEqualTo(401);
        assertThat(status("")).isEqualTo(401);
        assertThat(status(PASSWORD.substring(0, PASSWORD.length() - 1))).isEqualTo(401);
        // the failures reached the engine: it now delays the user (Camunda's login delay), the cache too
        assertThat(status(PASSWORD)).as("during the delay after a failure").isEqualTo(401);
    }

    @Test
    void shouldRefuseTheOldPasswordAndAcceptTheNewOneAtOnceAfterAChange() {
        assertThat(status(PASSWORD)).isEqualTo(200);
        User entity = identity.createUserQuery().userId(user).singleResult();
        entity.setPassword(NEW_PASSWORD);
        identity.saveUser(entity);

        assertThat(status(NEW_PASSWORD)).as("new password").isEqualTo(200);
        assertThat(status(PASSWORD)).as("old password").isEqualTo(401);
    }

    @Test
    void shouldRefuseADeletedUserAtOnce() {
        assertThat(status(PASSWORD)).isEqualTo(200);
        identity.deleteUser(user);

        assertThat(status(PASSWORD)).isEqualTo(401);
    }

    @Test
    void shouldRefuseALockedUserAtOnce() {
        assertThat(status(PASSWORD)).isEqualTo(200);
        // somebody else types a wrong password for this user: the engine delays (locks) the account
        assertThat(identity.checkPassword(user, "Devinette-2026!")).isFalse();

        assertThat(status(PASSWORD)).as("locked, even with the remembered password").isEqualTo(401);
    }

    @Test
    void shouldApplyARemovedGroupMembershipAtOnce() {
        identity.createMembership(user, Groups.cps("COUFFO"));
        Task task = processEngine.getTaskService().newTask();
        task.setName("Tâche d'essai du cache");
        processEngine.getTaskService().saveTask(task);
        try {
            processEngine.getTaskService().addCandidateGroup(task.getId(), Groups.cps("COUFFO"));
            String path = "/engine-rest/task/count?taskId=" + task.getId();
            assertThat(LoopbackHttp.getWithBasic(ADDRESS, port, path, user, PASSWORD).body())
                    .as("seen as a member of the group").contains("\"count\":1");

            identity.deleteMembership(user, Groups.cps("COUFFO"));

            assertThat(LoopbackHttp.getWithBasic(ADDRESS, port, path, user, PASSWORD).body())
                    .as("no longer a member").contains("\"count\":0");
        } finally {
            processEngine.getTaskService().deleteTask(task.getId(), true);
        }
    }

    @Test
    void shouldForgetAnEntryAfterItsTimeToLive() {
        AtomicLong now = new AtomicLong();
        VerifiedCredentialsCache shortLived = new VerifiedCredentialsCache(Duration.ofSeconds(30), now::get);
        try {
            shortLived.store("default", "u", "p", List.of("g"), List.of(), shortLived.generation());
            assertThat(shortLived.lookup("default", "u", "p")).isNotNull();
            assertThat(shortLived.lookup("default", "u", "q")).isNull();
            now.set(30_001);
            assertThat(shortLived.lookup("default", "u", "p")).isNull();
        } finally {
            shortLived.close();
        }
    }

    @Test
    void shouldNotStoreWhatWasVerifiedWhileIdentitiesChanged() {
        VerifiedCredentialsCache local = new VerifiedCredentialsCache(Duration.ofSeconds(30), System::currentTimeMillis);
        try {
            long before = local.generation();
            VerifiedCredentialsCache.identitiesChanged(); // e.g. a password change committing meanwhile
            local.store("default", "u", "p", List.of("g"), List.of(), before);
            assertThat(local.lookup("default", "u", "p")).isNull();
        } finally {
            local.close();
        }
    }
}
