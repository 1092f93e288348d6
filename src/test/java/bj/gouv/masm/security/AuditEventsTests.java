package bj.gouv.masm.security;

import bj.gouv.masm.support.WebappLogin;
import static bj.gouv.masm.security.SecurityFixtures.Actor.ADMIN;
import static bj.gouv.masm.security.SecurityFixtures.Actor.ANALYST;
import static bj.gouv.masm.security.SecurityFixtures.Actor.DPAF;
import static bj.gouv.masm.security.SecurityFixtures.Actor.MANAGER;
import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.shared.AuditEvent;
import bj.gouv.masm.shared.AuditEventRepository;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail of security events as an administrator reads it: failed logins on every channel,
 * exports, deployments; listed by period, administrators only; details never cut.
 */
class AuditEventsTests extends IntegrationTestBase {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    AuditEventRepository events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ObjectMapper json;

    SecurityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
    }

    @Test
    void shouldRecordFailedLoginsOnEveryChannel() {
        String api = "ghost.api." + UUID.randomUUID().toString().substring(0, 6);
        String rest = "ghost.rest." + UUID.randomUUID().toString().substring(0, 6);
        String webapp = "ghost.web." + UUID.randomUUID().toString().substring(0, 6);
        assertThat(LoopbackHttp.getWithBasic("127.0.0.6", port, "/api/partners", api, "faux").status()).isEqualTo(401);
        assertThat(LoopbackHttp.getWithBasic("127.0.0.6", port, "/engine-rest/user", rest, "faux").status()).isEqualTo(401);
        assertThat(WebappLogin.logIn(baseUrl(), webapp, "faux").login().statusCode()).isEqualTo(401);

        assertThat(failedLogin(api)).contains("/api", "127.0.0.6");
        assertThat(failedLogin(rest)).contains("/engine-rest", "127.0.0.6");
        assertThat(failedLogin(webapp)).contains("webapps");
    }

    @Test
    void shouldRecordExportsAndDeploymentsAndListThemByPeriodForAdministrators() throws Exception {
        assertThat(fx.get(MANAGER, "/api/exports/partners.csv?department=DONGA").statusCode()).isEqualTo(200);
        String key = "AuditedDeploy" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(fx.deployLikeModeler(ANALYST, key).statusCode()).isEqualTo(200);

        String today = LocalDate.now(bj.gouv.masm.shared.MasmTimeZone.zone()).toString();
        List<JsonNode> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = fx.get(ADMIN, "/api/audit/events?from=" + today + "&to=" + today
                    + "&size=500&page=" + page);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = json.readTree(response.body());
            body.get("content").forEach(all::add);
            if (page + 1 >= body.get("totalPages").asInt()) {
                break;
            }
        }
        assertThat(all).anySatisfy(e -> {
            assertThat(e.get("entityType").asText()).isEqualTo("Export");
            assertThat(e.get("actor").asText()).isEqualTo("manager");
            assertThat(e.get("details").asText()).contains("/api/exports/partners.csv", "department=DONGA");
        });
        assertThat(all).anySatisfy(e -> {
            assertThat(e.get("entityType").asText()).isEqualTo("Deployment");
            assertThat(e.get("action").asText()).isEqualTo("DEPLOYED");
            assertThat(e.get("actor").asText()).isEqualTo("analyst");
            assertThat(e.get("details").asText()).contains(key);
        });

        assertThat(fx.get(DPAF, "/api/audit/events?from=" + today + "&to=" + today).statusCode()).isEqualTo(403);
        for (String bad : List.of("from=hier&to=" + today, "to=" + today, "from=2026-12-31&to=2026-01-01",
                "from=2026-01-01&to=2026-02-30")) {
            HttpResponse<String> response = fx.get(ADMIN, "/api/audit/events?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("\"message\"");
        }
    }

    @Test
    void shouldKeepTheFullDetailOfAnAuditEvent() {
        String reason = "Motif de revue très détaillé. ".repeat(200);
        AuditEvent saved = transactions.execute(status -> auditTrail.record("OverlapFlag", "long-" + UUID.randomUUID(),
                "REVIEWED", "OPEN -> REVIEWED_COMPLEMENTARY : " + reason));
        assertThat(reason.length()).isGreaterThan(5000);
        assertThat(events.findById(saved.getId()).orElseThrow().getDetails()).endsWith(reason);
    }

    private String failedLogin(String user) {
        List<Map<String, Object>> rows = jdbc.queryForList("select actor, details from audit_event where "
                + "entity_type = 'Login' and action = 'LOGIN_FAILED' and entity_id = ?", user);
        assertThat(rows).as("failed login of " + user).hasSize(1);
        assertThat(rows.get(0).get("actor")).isEqualTo("anonymous");
        return (String) rows.get(0).get("details");
    }
}
