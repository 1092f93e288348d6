package bj.gouv.masm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class DashboardWebTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ComplianceFigures compliance;
    @Autowired
    SectorFigures sector;
    @Autowired
    bj.gouv.masm.reporting.ComplianceService complianceService;

    SectorFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new SectorFixture(partners, conventions, jdbc);
    }

    @Test
    void shouldRenderTheDashboardInFrenchForAManagerWithTheWebappSession() throws Exception {
        fixture.osc("BORGOU", "WOMEN_EMPOWERMENT_GBV", "WOMEN");
        HttpResponse<String> page = get("/dashboard", "manager");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("sans convention en vigueur", "Qui fait quoi où", "Circuit des conventions",
                "Rapports trimestriels", "Zones et publics peu couverts", "/webjars/chart.js/4.4.1/dist/chart.umd.js",
                "/dashboard/partners?department=BORGOU&amp;domain=WOMEN_EMPOWERMENT_GBV");
        assertThat(get("/dashboard?period=2026-Q2&kind=OSC&department=MONO&domain=DISABILITY", "manager").statusCode())
                .isEqualTo(200);
        assertThat(get("/dashboard?period=bad", "manager").statusCode()).isEqualTo(400);
        assertNoBasicChallenge(get("/dashboard", null));
        // Chart.js is served from the WebJar in our jar (no CDN)
        HttpResponse<String> chartJs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/webjars/chart.js/4.4.1/dist/chart.umd.js")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chartJs.statusCode()).isEqualTo(200);
        assertThat(chartJs.body()).contains("Chart.js v4.4.1");
    }

    @Test
    void shouldConfineACpsToItsDepartment() throws Exception {
        assertThat(get("/dashboard/partners?department=BORGOU", "cps.borgou").statusCode()).isEqualTo(200);
        assertThat(get("/dashboard/partners?department=ZOU", "cps.borgou").statusCode()).isEqualTo(403);
        HttpResponse<String> own = get("/dashboard", "cps.borgou");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).doesNotContain("/dashboard/partners?department=ZOU&");
    }

    @Test
    void shouldAcceptTheCamundaWebappSessionForTheDashboardOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // what the Tasklist login page does: fetch a CSRF token, then post the credentials (the administrator:
        // Tasklist access of the other groups is granted by the security feature)
        HttpResponse<String> fetch = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/camunda/api/admin/auth/user/default")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String xsrf = fetch.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String cookies = cookies(fetch);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .header("Cookie", cookies).header("Origin", baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode("test-admin-password", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = cookies(login);
        assertThat(session).contains("JSESSIONID=");

        HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard"))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("sans convention en vigueur");
        // the webapps' session is only read: it keeps its id (Tasklist in another tab stays logged in)
        assertThat(dashboard.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        // the cookie never authenticates the JSON API nor an unsafe method
        assertThat(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/overlaps")).header("Cookie", session)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard")).header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(401);
        // without the session: sent to the webapps' login, never asked for HTTP basic credentials
        assertNoBasicChallenge(get("/dashboard", null));
        // basic credentials do not open the dashboard (the browser must not be led to keep them)
        HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "manager:demo".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertNoBasicChallenge(basic);
    }

    private static void assertNoBasicChallenge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/camunda/app/welcome/default/");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    private static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    @Test
    void shouldExportThePartnerListAsExcelAndCsvWithTheRowsOfTheList() throws Exception {
        Partner one = fixture.osc("COLLINES", "HUMANITARIAN", "ELDERLY");
        fixture.convention(one, ConventionStatus.ACTIVE, LocalDate.now().minusMonths(2), 12);
        fixture.osc("COLLINES", "HUMANITARIAN", "ELDERLY");
        String query = "?department=COLLINES&domain=HUMANITARIAN&targetGroup=ELDERLY";
        int expected = sector.list(new DashboardFilter("COLLINES", "HUMANITARIAN", null, null, "ELDERLY", null, null,
                null)).size();

        HttpResponse<byte[]> xlsx = getBytes("/dashboard/partners" + query + "&format=xlsx", "manager");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("partenaires.xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Nom");
            assertThat(sheet.getLastRowNum()).isEqualTo(expected);
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().equals(one.getName())) {
                    found = true;
                    assertThat(sheet.getRow(r).getCell(9).getStringCellValue()).isEqualTo("Action humanitaire / solidarité");
                    assertThat(sheet.getRow(r).getCell(11).getStringCellValue()).startsWith("CONV-T");
                }
            }
            assertThat(found).isTrue();
        }
        HttpResponse<byte[]> csv = getBytes("/api/exports/partners.csv" + query, "manager");
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(';').get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(expected + 1);
        assertThat(records.get(0).get(1)).isEqualTo("Nom");

        HttpResponse<String> page = get("/dashboard/partners" + query, "manager");
        assertThat(page.body()).contains(one.getName(), expected + " ligne(s)", "format=xlsx");

        for (String list : List.of("matrix", "compliance", "overlaps")) {
            HttpResponse<byte[]> export = getBytes("/api/exports/" + list + ".xlsx", "dpaf.agent");
            assertThat(export.statusCode()).as(list).isEqualTo(200);
            try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export.body()))) {
                assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isNotBlank();
            }
        }
        try (Workbook matrix = new XSSFWorkbook(new ByteArrayInputStream(
                getBytes("/dashboard/matrix?format=xlsx", "manager").body()))) {
            assertThat(matrix.getSheetAt(0).getLastRowNum()).isEqualTo(12);
        }
        assertThat(getBytes("/api/exports/unknown.csv", "manager").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldComputeReportingComplianceRatesPerDepartmentAndQuarter() throws Exception {
        String[][] reports = {{"RECEIVED", "ON_TIME"}, {"RECEIVED", "ON_TIME"}, {"RECEIVED", "LATE"}, {"MISSED", "MISSED"}};
        DashboardFilter q = new DashboardFilter("DONGA", null, null, null, null, null, null, "2031-Q2");
        ComplianceFigures.Compliance before = compliance.compliance(q);
        for (String[] r : reports) {
            Partner p = fixture.osc("DONGA", "FAMILY", "CHILDREN");
            var c = fixture.convention(p, ConventionStatus.ACTIVE, LocalDate.of(2031, 1, 1), 12);
            fixture.report(c, "DONGA", 2031, 2, r[0], r[1]);
        }
        ComplianceFigures.Compliance after = compliance.compliance(q);
        assertThat(after.quarters()).containsExactly("2031-Q2");
        ComplianceFigures.Row donga = after.rows().stream().filter(r -> r.department().equals("DONGA")).findFirst()
                .orElseThrow();
        long baseExpected = before.rows().stream().mapToLong(ComplianceFigures.Row::expected).sum();
        if (baseExpected == 0) {
            assertThat(donga.expected()).isEqualTo(4);
            assertThat(donga.actual()).isEqualTo(3);
            assertThat(donga.onTime()).isEqualTo(2);
            assertThat(donga.rate()).isCloseTo(0.75, within(1e-9));
            assertThat(donga.onTimeRate()).isCloseTo(0.5, within(1e-9));
        } else {
            assertThat(donga.expected()).isEqualTo(baseExpected + 4);
        }
        // the same figures as the reporting feature's service (GET /api/reporting/compliance)
        var reference = complianceService.compliance(2031, 2, "DONGA").departments().get(0);
        assertThat(donga.expected()).isEqualTo(reference.expectedReports());
        assertThat(donga.actual()).isEqualTo(reference.actualReports());
        assertThat(donga.onTime()).isEqualTo(reference.reportsOnTime());
        assertThat(donga.rate()).isCloseTo(reference.reportingRate(), within(1e-4));
        assertThat(donga.onTimeRate()).isCloseTo(reference.reportingRateOnTime(), within(1e-4));
        assertThat(after.totals()).hasSize(1);
        assertThat(after.totals().get(0).expected()).isEqualTo(donga.expected());
        assertThat(donga.link()).isEqualTo("/dashboard/reports?department=DONGA&period=2031-Q2&quarter=2031-Q2");
        HttpResponse<String> list = get(donga.link(), "manager");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(donga.expected() + " ligne(s)", "Reçu", "À temps", "Non remis");
        // a year: its four quarters
        assertThat(compliance.compliance(new DashboardFilter(null, null, null, null, null, null, null, "2031"))
                .quarters()).containsExactly("2031-Q1", "2031-Q2", "2031-Q3", "2031-Q4");
    }

    /** The dashboard with the user's webapp session (its only login); /api with HTTP basic. */
    HttpResponse<String> get(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(authenticated(path, user).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(authenticated(path, user).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder authenticated(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (user == null) {
            return request;
        }
        if (path.startsWith("/dashboard")) {
            return request.header("Cookie", webappSession(user));
        }
        return request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                .getBytes(StandardCharsets.UTF_8)));
    }

    private final java.util.Map<String, String> sessions = new java.util.HashMap<>();

    /** Logs the demo user in to the webapps as the welcome page does (CSRF token, then the form); its cookies. */
    private String webappSession(String user) throws Exception {
        String known = sessions.get(user);
        if (known != null) {
            return known;
        }
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> fetch = http.send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/camunda/api/admin/auth/user/default")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String xsrf = fetch.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/welcome"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .header("Cookie", cookies(fetch)).header("Origin", baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = cookies(login);
        sessions.put(user, session);
        return session;
    }
}
