package bj.gouv.masm.security;

import static bj.gouv.masm.security.SecurityFixtures.Actor.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.support.IntegrationTestBase;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Passwords and lockout as an administrator creating users and as somebody typing wrong passwords: the
 * password policy, the reserved id {@code system}, a lock that ends by itself, and the slowing of an address
 * that keeps failing (so nobody can lock the administrator out for good).
 */
class PasswordAndLockoutTests extends IntegrationTestBase {

    static final String STRONG = "Coopération-2026!";

    SecurityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
    }

    @Test
    void shouldRefuseAWeakPasswordForANewUserAndAcceptAStrongOne() {
        String id = "pw." + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> weak = fx.postJson(ADMIN, "/engine-rest/user/create", userJson(id, "motdepasse"));
        assertThat(weak.statusCode()).as(weak.body()).isGreaterThanOrEqualTo(400);
        assertThat(weak.body()).contains("Password does not match policy");
        assertThat(processEngine.getIdentityService().createUserQuery().userId(id).count()).isZero();
        // the policy Admin shows
        HttpResponse<String> policy = fx.get(ADMIN, "/engine-rest/identity/password-policy");
        assertThat(policy.statusCode()).isEqualTo(200);
        assertThat(policy.body()).contains("PASSWORD_POLICY_LENGTH", "PASSWORD_POLICY_UPPERCASE");

        HttpResponse<String> strong = fx.postJson(ADMIN, "/engine-rest/user/create", userJson(id, STRONG));
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
        // changing it to a weak one is refused too
        HttpResponse<String> change = fx.send(ADMIN, java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(baseUrl() + "/engine-rest/user/" + id + "/credentials"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"password\": \"azerty\", \"authenticatedUserPassword\": \"test-admin-password\"}")));
        assertThat(change.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(processEngine.getIdentityService().checkPassword(id, STRONG)).isTrue();
    }

    @Test
    void shouldReserveTheUserIdSystem() {
        for (String id : new String[] {"system", "System"}) {
            HttpResponse<String> response = fx.postJson(ADMIN, "/engine-rest/user/create", userJson(id, STRONG));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("réservé");
        }
        assertThatThrownBy(() -> processEngine.getIdentityService().newUser("system"))
                .isInstanceOf(BadUserRequestException.class);
        assertThat(processEngine.getIdentityService().createUserQuery().userId("system").count()).isZero();
    }

    @Test
    void shouldLockAnAccountForALimitedTimeAfterTenFailures() {
        String id = "lock." + UUID.randomUUID().toString().substring(0, 8);
        createUser(id);
        String path = "/engine-rest/user/" + id + "/profile";
        long now = System.currentTimeMillis();
        // ten wrong passwords, each after Camunda's growing delay has passed (its clock is moved)
        for (int i = 0; i < 10; i++) {
            ClockUtil.setCurrentTime(new Date(now += 61_000));
            assertThat(LoopbackHttp.getWithBasic("127.0.0.3", port, path, id, "Mauvais-mot-2026!").status())
                    .isEqualTo(401);
        }
        ClockUtil.setCurrentTime(new Date(now += 61_000));
        assertThat(LoopbackHttp.getWithBasic("127.0.0.3", port, path, id, STRONG).status())
                .as("locked: even the right password is refused").isEqualTo(401);
        ClockUtil.setCurrentTime(new Date(now += 13 * 60_000));
        assertThat(processEngine.getIdentityService().checkPassword(id, STRONG)).as("still locked").isFalse();
        // Camunda alone would keep it locked until an administrator acts; here the lock ends by itself
        ClockUtil.setCurrentTime(new Date(now + 3 * 60_000));
        assertThat(LoopbackHttp.getWithBasic("127.0.0.3", port, path, id, STRONG).status()).isEqualTo(200);
    }

    @Test
    void shouldSlowAnAddressThatKeepsFailingWithoutLockingTheAdministrator() {
        String ghost = "ghost." + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 30; i++) {
            assertThat(LoopbackHttp.getWithBasic("127.0.0.4", port, "/api/reference/departments", ghost, "x" + i)
                    .status()).isEqualTo(401);
        }
        LoopbackHttp.Answer throttled = LoopbackHttp.getWithBasic("127.0.0.4", port, "/api/reference/departments",
                "admin", "test-admin-password");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.head()).containsIgnoringCase("Retry-After");
        assertThat(throttled.body()).contains("Trop d'échecs");
        // the same address on /engine-rest waits too, before any password is checked: admin's count does not grow
        assertThat(LoopbackHttp.getWithBasic("127.0.0.4", port, "/engine-rest/user", "admin", "devine")
                .status()).isEqualTo(429);
        assertThat(fx.get(ADMIN, "/api/reference/departments").statusCode()).as("other addresses").isEqualTo(200);
        assertThat(processEngine.getIdentityService().checkPassword("admin", "test-admin-password")).isTrue();
    }

    private void createUser(String id) {
        User user = processEngine.getIdentityService().newUser(id);
        user.setFirstName("Essai");
        user.setLastName("Verrou");
        user.setPassword(STRONG);
        processEngine.getIdentityService().saveUser(user);
    }

    private static String userJson(String id, String password) {
        return """
                {"profile": {"id": "%s", "firstName": "Essai", "lastName": "Politique", "email": "%s@exemple.invalid"},
                 "credentials": {"password": "%s"}}""".formatted(id, id.toLowerCase(), password);
    }
}
