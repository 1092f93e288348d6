package bj.gouv.masm.security;

import bj.gouv.masm.support.WebappLogin;
import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.security.SecurityFixtures.Actor;
import bj.gouv.masm.support.IntegrationTestBase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passwords hashed, login failures that do not tell whether a user exists, throttled repeated
 * failures, CSRF of the webapps on, security headers everywhere, no stack trace or SQL in answers.
 * Wrong passwords are only ever tried on throw-away users (never on the shared demo users, whom the
 * throttling would lock for other tests).
 */
class SecurityHygieneTests extends IntegrationTestBase {

    private static final String PASSWORD = "Une-phrase-de-passe-2026";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    SecurityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
    }

    @Test
    void shouldStorePasswordsSaltedAndHashedWithSha512() {
        Map<String, Object> row = jdbc.queryForMap("select pwd_, salt_ from act_id_user where id_ = ?", "cps.borgou");
        assertThat((String) row.get("pwd_")).startsWith("{SHA-512}").doesNotContain("demo");
        assertThat((String) row.get("salt_")).isNotBlank();
        String other = jdbc.queryForObject("select pwd_ from act_id_user where id_ = ?", String.class, "cps.alibori");
        assertThat(other).as("same password, different salt, different hash").isNotEqualTo(row.get("pwd_"));
    }

    @Test
    void shouldThrottleRepeatedLoginFailuresThenLockTheUser() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration();
        assertThat(config.getLoginMaxAttempts()).isEqualTo(10);
        assertThat(config.getLoginDelayBase()).isEqualTo(3);
        assertThat(config.getLoginDelayFactor()).isEqualTo(2);
        assertThat(config.getLoginDelayMaxTime()).isEqualTo(60);

        String userId = throwAwayUser();
        Date now = new Date();
        ClockUtil.setCurrentTime(now);
        assertThat(identityService.checkPassword(userId, "mauvais")).isFalse();
        assertThat(identityService.checkPassword(userId, PASSWORD)).as("right password during the delay").isFalse();
        ClockUtil.setCurrentTime(new Date(now.getTime() + 4_000));
        assertThat(identityService.checkPassword(userId, PASSWORD)).as("right password after 3 s").isTrue();

        long t = now.getTime() + 10_000;
        for (int attempt = 1; attempt <= 10; attempt++) {
            t += 61_000;
            ClockUtil.setCurrentTime(new Date(t));
            assertThat(identityService.checkPassword(userId, "mauvais-" + attempt)).isFalse();
        }
        // locked for masm.security.lock-duration (15 min, TimedLockIdentityProvider), not for good:
        // PasswordAndLockoutTests checks that the lock ends by itself
        ClockUtil.setCurrentTime(new Date(t + 14 * 60_000L));
        assertThat(identityService.checkPassword(userId, PASSWORD)).as("locked after 10 failures, 14 min later")
                .isFalse();
        identityService.unlockUser(userId);
        assertThat(identityService.checkPassword(userId, PASSWORD)).as("unlocked in Camunda Admin").isTrue();
        identityService.deleteUser(userId);
    }

    @Test
    void shouldThrottleFailedLoginsOnApiToo() {
        String userId = throwAwayUser();
        assertThat(fx.send(null, request("/api/reference/departments", userId, "mauvais")).statusCode()).isEqualTo(401);
        assertThat(fx.send(null, request("/api/reference/departments", userId, PASSWORD)).statusCode())
                .as("right password within the login delay").isEqualTo(401);
        identityService.deleteUser(userId);
    }

    @Test
    void shouldAnswerUnknownUserAndWrongPasswordAlikeOnApiAndEngineRest() {
        String userId = throwAwayUser();
        for (String path : new String[] {"/api/reference/departments", "/engine-rest/task"}) {
            HttpResponse<String> unknown = fx.send(null, request(path, "personne-" + UUID.randomUUID(), "x"));
            HttpResponse<String> wrong = fx.send(null, request(path, userId, "mauvais"));
            assertThat(unknown.statusCode()).as(path).isEqualTo(401);
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
            assertThat(wrong.body()).as(path).isEqualTo(unknown.body());
            assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                    .isEqualTo(unknown.headers().firstValue("WWW-Authenticate"));
        }
        identityService.deleteUser(userId);
    }

    @Test
    void shouldAnswerUnknownUserAndWrongPasswordAlikeOnWebappLogin() throws Exception {
        String userId = throwAwayUser();
        Webapp webapp = new Webapp();
        HttpResponse<String> unknown = webapp.login("personne-" + UUID.randomUUID(), "x");
        HttpResponse<String> wrong = webapp.login(userId, "mauvais");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(withoutTimestamp(wrong.body())).isEqualTo(withoutTimestamp(unknown.body()));
        identityService.deleteUser(userId);
    }

    @Test
    void shouldKeepCsrfProtectionOfTheWebapps() throws Exception {
        Webapp webapp = new Webapp();
        HttpResponse<String> withoutToken = webapp.post("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=cps.borgou&password=demo", false);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");

        Webapp loggedIn = new Webapp();
        assertThat(loggedIn.login(Actor.CPS_BORGOU.userId, "demo").statusCode()).isEqualTo(200);
        HttpResponse<String> changeWithoutToken = loggedIn.post(
                "/camunda/api/engine/engine/default/task/create", "{}", false);
        assertThat(changeWithoutToken.statusCode()).as("logged-in change without CSRF token").isEqualTo(403);
        assertThat(changeWithoutToken.body()).contains("CSRFPreventionFilter");
    }

    @Test
    void shouldSendSecurityHeadersOnWebappsApiAndEngineRest() throws Exception {
        HttpResponse<String> tasklist = new Webapp().get("/camunda/app/tasklist/default/");
        assertThat(tasklist.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("frame-ancestors 'none'").contains("object-src 'none'");
        assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(tasklist.headers().firstValue("X-XSS-Protection")).hasValue("1; mode=block");

        HttpResponse<String> api = fx.get(Actor.MANAGER, "/api/reference/departments");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(api.headers().firstValue("Content-Security-Policy")).get().asString().contains("default-src 'self'");
        assertThat(api.headers().firstValue("Cache-Control")).get().asString().contains("no-store");

        HttpResponse<String> rest = fx.get(Actor.MANAGER, "/engine-rest/version");
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(rest.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(rest.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void shouldNeverAnswerWithStackTracesOrSql() {
        fx.deployCaseProcess();
        // a database error (business key longer than its column) over /engine-rest
        String json = "{\"businessKey\":\"" + "X".repeat(300) + "\",\"variables\":{\"candidateGroup\":"
                + "{\"value\":\"cps-borgou\",\"type\":\"String\"}}}";
        HttpResponse<String> dbError = fx.postJson(Actor.ADMIN,
                "/engine-rest/process-definition/key/" + SecurityFixtures.CASE_PROCESS + "/start", json);
        assertThat(dbError.statusCode()).isEqualTo(500);
        assertNoInternals(dbError.body());
        assertThat(dbError.body()).contains("persistence layer");

        HttpResponse<String> badRequest = fx.postJson(Actor.ADMIN, "/engine-rest/task/unknown/complete", "{not json");
        assertThat(badRequest.statusCode()).isBetween(400, 499);
        assertNoInternals(badRequest.body());

        HttpResponse<String> apiNotFound = fx.get(Actor.MANAGER, "/api/audit/conventions/CONV-0000-0000");
        assertThat(apiNotFound.statusCode()).isEqualTo(404);
        assertThat(apiNotFound.body()).isEqualTo("{\"status\":404,\"message\":\"Introuvable\"}");
        HttpResponse<String> apiWrongMethod = fx.postJson(Actor.MANAGER, "/api/audit/conventions/X", "{}");
        assertThat(apiWrongMethod.statusCode()).isEqualTo(405);
        assertNoInternals(apiWrongMethod.body());
    }

    // ---- helpers ----

    private static void assertNoInternals(String body) {
        assertThat(body).doesNotContainIgnoringCase("insert into").doesNotContainIgnoringCase("select ")
                .doesNotContain("ACT_RU_").doesNotContain("SQL").doesNotContain("\tat ").doesNotContain("at org.")
                .doesNotContain("PSQLException");
    }

    private String throwAwayUser() {
        String id = "hygiene-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setFirstName("Test");
        user.setLastName("Hygiène");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        identityService.createMembership(id, Groups.cps("BORGOU"));
        return id;
    }

    private HttpRequest.Builder request(String path, String user, String password) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", SecurityFixtures.basic(user, password)).GET();
    }

    private static String withoutTimestamp(String body) {
        return body.replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    /** A browser-like session on the webapps: session and XSRF cookies, CSRF header when asked. */
    private final class Webapp {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
            return post("/camunda/api/admin/auth/user/default/login/tasklist",
                    "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), true);
        }

        HttpResponse<String> post(String path, String body, boolean withToken) throws IOException, InterruptedException {
            if (token() == null) {
                get("/camunda/app/tasklist/");
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", body.startsWith("{") ? "application/json"
                            : "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (withToken) {
                request.header("X-XSRF-TOKEN", token());
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private String token() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
                    .map(HttpCookie::getValue).findFirst().orElse(null);
        }
    }
}
