package bj.gouv.masm.security;

import bj.gouv.masm.support.WebappLogin;
import static bj.gouv.masm.security.SecurityFixtures.Actor.ADMIN;
import static bj.gouv.masm.security.SecurityFixtures.Actor.DPAF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.support.IntegrationTestBase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;

/** Caps: an oversized body (a CSV import) is refused with 413; engine REST queries page (at most 1,000 results). */
class RequestLimitsTests extends IntegrationTestBase {

    SecurityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
    }

    @Test
    void shouldRefuseACsvImportOverTheSizeLimitWith413() {
        // a DPAF agent's script announces a 50 MB file: answered at once, nothing read
        LoopbackHttp.Answer answer = LoopbackHttp.send("127.0.0.5", port, "POST /api/partners/import HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\nAuthorization: " + SecurityFixtures.basic("dpaf.agent", "demo")
                + "\r\nContent-Type: text/csv\r\nContent-Length: 52428800\r\nConnection: close\r\n\r\n", new byte[1024]);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.head()).containsIgnoringCase("application/json");
        assertThat(answer.body()).contains("\"message\"", "trop volumineuse");
        // a normal import still goes through
        HttpResponse<String> small = fx.send(DPAF, HttpRequest.newBuilder(URI.create(baseUrl() + "/api/partners/import"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString("nom;type\n")));
        assertThat(small.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldStopReadingABodyWithoutLengthAtTheLimit() throws Exception {
        var stream = new RequestSizeLimitFilter.LimitedInputStream(
                new DelegatingServletInputStream(new ByteArrayInputStream(new byte[2048])), 1024);
        assertThatThrownBy(() -> stream.readAllBytes()).isInstanceOf(bj.gouv.masm.shared.RequestTooLargeException.class);
        var fits = new RequestSizeLimitFilter.LimitedInputStream(
                new DelegatingServletInputStream(new ByteArrayInputStream(new byte[1024])), 1024);
        assertThat(fits.readAllBytes()).hasSize(1024);
    }

    @Test
    void shouldCapEngineRestQueryResultsAndLeaveTheWebappsAlone() throws Exception {
        HttpResponse<String> tooMany = fx.get(ADMIN, "/engine-rest/process-definition?maxResults=5000");
        assertThat(tooMany.statusCode()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.body()).contains("Max results limit of 1000 exceeded");
        HttpResponse<String> unbounded = fx.get(ADMIN, "/engine-rest/history/activity-instance");
        assertThat(unbounded.statusCode()).as(unbounded.body()).isEqualTo(400);
        assertThat(fx.get(ADMIN, "/engine-rest/process-definition?firstResult=0&maxResults=1000").statusCode())
                .isEqualTo(200);
        assertThat(fx.get(ADMIN, "/engine-rest/process-definition/count").statusCode()).isEqualTo(200);

        // Tasklist and Cockpit use their own REST path with the webapp session: not capped
        WebappLogin.Session session = WebappLogin.logIn(baseUrl(), "admin", "test-admin-password");
        assertThat(session.login().statusCode()).isEqualTo(200);
        HttpResponse<String> webapp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/camunda/api/engine/engine/default/process-definition"))
                .header("Cookie", session.cookies()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(200);
        // and our own API (bounded engine reads on the user's behalf) neither
        assertThat(fx.get(DPAF, "/api/reference/departments").statusCode()).isEqualTo(200);
    }
}
