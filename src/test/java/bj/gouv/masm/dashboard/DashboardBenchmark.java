package bj.gouv.masm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark, not a unit test (its name does not end in Tests, so {@code mvn test} skips it): loads 700
 * partners and 2,000 activities on the embedded PostgreSQL, then times GET /dashboard (and a few
 * lists) over HTTP with basic auth, several runs each, and prints min / median / max. Run it with
 * <pre>./mvnw -o test -Dtest=DashboardBenchmark</pre>
 */
class DashboardBenchmark extends IntegrationTestBase {

    static final int PARTNERS = 700;
    static final int ACTIVITIES = 2_000;
    static final int RUNS = 15;

    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    OverlapService overlaps;

    @Test
    void run() throws Exception {
        long started = System.nanoTime();
        int activities = new DemoSectorData(partners, conventions, jdbc, transactions).load(PARTNERS, ACTIVITIES);
        long loaded = System.nanoTime();
        int flags = overlaps.detect();
        long detected = System.nanoTime();
        System.out.printf("%nBENCHMARK data: %d partners, %d activities in the database (loaded in %d ms); "
                        + "overlap detection: %d flags in %d ms%n",
                jdbc.queryForObject("select count(*) from partner", Long.class),
                jdbc.queryForObject("select count(*) from report_activity", Long.class),
                (loaded - started) / 1_000_000, flags, (detected - loaded) / 1_000_000);
        assertThat(activities).isEqualTo(ACTIVITIES);
        for (String path : List.of("/dashboard", "/dashboard?department=BORGOU&domain=CHILD_PROTECTION",
                "/dashboard/partners", "/dashboard/partners?format=xlsx", "/api/exports/iati/activities.xml")) {
            time(path);
        }
    }

    private void time(String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        // the dashboard opens with the webapps' session, /api with HTTP basic
        HttpRequest request = path.startsWith("/dashboard")
                ? HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Cookie", managerSession()).GET().build()
                : HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("manager:demo".getBytes(StandardCharsets.UTF_8))).GET().build();
        for (int i = 0; i < 3; i++) { // warm-up
            assertThat(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
        List<Double> millis = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - t0) / 1e6);
            bytes = response.body().length;
            assertThat(response.statusCode()).isEqualTo(200);
        }
        Collections.sort(millis);
        System.out.printf("BENCHMARK %-55s runs=%d min=%.0f ms median=%.0f ms max=%.0f ms (%d kB)%n", path, RUNS,
                millis.get(0), millis.get(RUNS / 2), millis.get(RUNS - 1), bytes / 1024);
    }

    private String session;

    /** Logs the demo manager in to the webapps once (CSRF token, then the form), as the welcome page does. */
    private String managerSession() throws Exception {
        if (session == null) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> fetch = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/camunda/api/admin/auth/user/default")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/welcome"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", fetch.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                    .header("Cookie", cookies(fetch))
                    .POST(HttpRequest.BodyPublishers.ofString("username=manager&password=demo")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            session = cookies(login);
        }
        return session;
    }

    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
    }
}
