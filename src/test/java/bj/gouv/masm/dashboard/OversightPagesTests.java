package bj.gouv.masm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import bj.gouv.masm.support.WebappLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 item 10 on the dashboard: DPAF lists every OSC regularisation case and every refused CPS support
 * request of every department (paginated, CSV/Excel); a CPS sees its own department only.
 */
class OversightPagesTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;

    private SectorFixture fixture;
    private final Map<String, String> sessions = new HashMap<>();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void fixture() {
        fixture = new SectorFixture(partners, conventions, jdbc);
    }

    private Partner regularisation(String department, String status, String processInstanceId) {
        Partner osc = fixture.osc(department, "CHILD_PROTECTION", "CHILDREN");
        jdbc.update("insert into osc_regularisation (partner_id, department, observed_activity, partner_matched, status, "
                        + "invitations, process_instance_id, created_at, created_by, updated_at, updated_by) "
                        + "values (?, ?, ?, false, ?, 1, ?, ?, 'cps.agent', ?, 'cps.agent')", osc.getId(), department,
                "Distribution de kits scolaires " + run, status, processInstanceId, OffsetDateTime.now(), OffsetDateTime.now());
        return osc;
    }

    private void refusal(Partner partner, String department, String description, OffsetDateTime at) {
        jdbc.update("insert into cps_support_refusal (partner_id, department, support_type, description, requested_on, reason, "
                        + "created_at, created_by) values (?, ?, 'ACCOMPAGNEMENT', ?, ?, ?, ?, 'cps.agent')",
                partner == null ? null : partner.getId(), department, description, at.toLocalDate(),
                "Appui refusé : l'OSC n'a pas de convention en cours", at);
    }

    @Test
    void shouldListEveryDepartmentsRegularisationCasesAndRefusedSupportForDpaf() throws Exception {
        Partner zou = regularisation("ZOU", "OPEN", "pi-" + run);
        Partner ceased = regularisation("MONO", "CEASED", null);
        Partner borgou = fixture.osc("BORGOU", "CHILD_PROTECTION", "CHILDREN");
        // dated after every other refusal of the tests, so it is on the first page (newest first)
        refusal(borgou, "BORGOU", "Campagne de sensibilisation " + run, OffsetDateTime.parse("2095-06-01T10:00:00+01:00"));

        HttpResponse<String> cases = get("/dashboard/regularisations", "dpaf.agent");
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(cases.body()).contains(escaped("Régularisations d'OSC actives sans convention"), escaped(zou.getName()), "Zou",
                "En cours : OSC invitée à déposer un dossier", escaped(ceased.getName()), "Activités cessées",
                "/camunda/app/cockpit/default/#/process-instance/pi-" + run + "/runtime",
                "/dashboard/partners/" + zou.getId());
        HttpResponse<String> open = get("/dashboard/regularisations?status=OPEN", "dpaf.agent");
        assertThat(open.body()).contains(escaped(zou.getName())).doesNotContain(escaped(ceased.getName()));
        assertThat(get("/dashboard/regularisations?status=LOST", "dpaf.agent").statusCode()).isEqualTo(400);

        HttpResponse<String> refusals = get("/dashboard/support-refusals", "dpaf.agent");
        assertThat(refusals.statusCode()).isEqualTo(200);
        assertThat(refusals.body()).contains("Appuis des CPS refusés faute de convention", escaped(borgou.getName()), "Borgou",
                "Campagne de sensibilisation " + run, escaped("l'OSC n'a pas de convention en cours"));
        // reachable from every dashboard page
        assertThat(get("/dashboard/partners", "dpaf.agent").body())
                .contains("href=\"/dashboard/regularisations\"", "href=\"/dashboard/support-refusals\"");
    }

    @Test
    void shouldShowACpsItsOwnDepartmentOnly() throws Exception {
        Partner zou = regularisation("ZOU", "OPEN", null);
        Partner borgou = regularisation("BORGOU", "OPEN", null);
        refusal(null, "ZOU", "Appui refusé à Zou " + run, OffsetDateTime.now());

        HttpResponse<String> own = get("/dashboard/regularisations", "cps.borgou");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(escaped(borgou.getName())).doesNotContain(escaped(zou.getName()));
        assertThat(get("/dashboard/regularisations?department=ZOU", "cps.borgou").statusCode()).isEqualTo(403);
        assertThat(get("/dashboard/support-refusals?department=ZOU", "cps.borgou").statusCode()).isEqualTo(403);
        assertThat(get("/dashboard/support-refusals", "cps.borgou").body()).doesNotContain("Appui refusé à Zou " + run);
        assertThat(get("/dashboard/support-refusals", "cps.zou").body()).contains("Appui refusé à Zou " + run);
        // without the webapp session: sent to the webapps' login
        assertThat(get("/dashboard/support-refusals", null).statusCode()).isEqualTo(302);
    }

    @Test
    void shouldPageTheListAndExportItWhole() throws Exception {
        // newest first: these 55 refusals (dated in the future) fill page 1 and start page 2
        OffsetDateTime base = OffsetDateTime.parse("2091-01-01T10:00:00+01:00");
        for (int i = 1; i <= 55; i++) {
            refusal(null, "COUFFO", String.format("Demande %s n°%02d", run, i), base.plusMinutes(i));
        }
        HttpResponse<String> first = get("/dashboard/support-refusals?department=COUFFO", "dpaf.agent");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(count(first.body(), "Demande " + run)).isEqualTo(OversightPages.PAGE_SIZE);
        assertThat(first.body()).contains("Demande " + run + " n°55", "page 1 sur ",
                "/dashboard/support-refusals?department=COUFFO&amp;page=2").doesNotContain("Demande " + run + " n°05<");
        HttpResponse<String> second = get("/dashboard/support-refusals?department=COUFFO&page=2", "dpaf.agent");
        assertThat(second.body()).contains("Demande " + run + " n°05", "Demande " + run + " n°01", "page précédente")
                .doesNotContain("Demande " + run + " n°55");

        HttpResponse<String> csv = get("/dashboard/support-refusals?department=COUFFO&format=csv", "dpaf.agent");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(count(csv.body(), "Demande " + run)).isEqualTo(55);
        assertThat(csv.body()).contains("Motif du refus", "Couffo");
    }

    private static String escaped(String text) {
        return text.replace("'", "&#39;");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (user != null) {
            request.header("Cookie", sessions.computeIfAbsent(user, u -> WebappLogin.logIn(baseUrl(), u, "demo").cookies()));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
