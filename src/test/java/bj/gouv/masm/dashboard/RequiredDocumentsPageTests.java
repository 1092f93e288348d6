package bj.gouv.masm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import bj.gouv.masm.support.WebappLogin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 item 11 from the dashboard: DPAF edits the documents a dossier needs in a form (posted with the
 * webapp session and its CSRF token); a CPS clerk reads the list and is refused (403) if it posts; a post
 * without the token, with another token or from another site is not authenticated.
 */
class RequiredDocumentsPageTests extends IntegrationTestBase {

    private static final String PAGE = "/dashboard/required-documents";
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    JdbcTemplate jdbc;

    private List<Map<String, Object>> original;

    @BeforeEach
    void keepTheList() {
        original = jdbc.queryForList("select * from ref_required_document");
    }

    @AfterEach
    void restoreTheList() {
        jdbc.update("update ref_required_document set active = false");
        for (Map<String, Object> row : original) {
            jdbc.update("update ref_required_document set label = ?, partner_kind = ?, active = ?, sort_order = ? where code = ?",
                    row.get("label"), row.get("partner_kind"), row.get("active"), row.get("sort_order"), row.get("code"));
        }
        jdbc.update("delete from ref_required_document where code = 'SITE_VISIT_REPORT'");
    }

    @Test
    void shouldLetDpafEditTheListInTheDashboardForm() throws Exception {
        WebappLogin.Session dpaf = WebappLogin.logIn(baseUrl(), "dpaf.agent", "demo");
        HttpResponse<String> page = get(dpaf);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Pièces exigées pour un dossier de convention", "Enregistrer la liste",
                "value=\"STATUTES\"", "Statuts et règlement intérieur");
        String token = token(page);

        // every document as shown, STATUTES no longer required, a new one added in a blank row
        Map<String, String> form = shownForm(page.body());
        String statutes = rowOf(form, "STATUTES");
        form.remove("active_" + statutes);
        int blank = rowCount(form);
        form.put("code_" + blank, "site_visit_report");
        form.put("label_" + blank, "Rapport de visite du siège par le CPS");
        form.put("kind_" + blank, "OSC");
        form.put("active_" + blank, "on");
        form.put("_csrf", token);
        HttpResponse<String> saved = post(dpaf, form, baseUrl());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElse("")).endsWith("/dashboard/required-documents?saved");

        assertThat(jdbc.queryForObject("select active from ref_required_document where code = 'STATUTES'", Boolean.class)).isFalse();
        assertThat(jdbc.queryForMap("select label, partner_kind, active from ref_required_document where code = 'SITE_VISIT_REPORT'"))
                .containsEntry("label", "Rapport de visite du siège par le CPS").containsEntry("partner_kind", "OSC")
                .containsEntry("active", true);
        assertThat(jdbc.queryForObject("select count(*) from ref_required_document where active", Integer.class))
                .isEqualTo(original.stream().filter(r -> Boolean.TRUE.equals(r.get("active"))).count());
        HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + PAGE + "?saved"))
                .header("Cookie", dpaf.cookies()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.body()).contains("Liste enregistrée", "value=\"SITE_VISIT_REPORT\"");
    }

    @Test
    void shouldShowTheErrorsAndChangeNothingWhenTheListIsRefused() throws Exception {
        WebappLogin.Session dpaf = WebappLogin.logIn(baseUrl(), "dpaf.agent", "demo");
        HttpResponse<String> page = get(dpaf);
        Map<String, String> form = shownForm(page.body());
        int blank = rowCount(form);
        form.put("code_" + blank, "STATUTES");
        form.put("label_" + blank, "En double");
        form.put("code_" + (blank + 1), "X Y");
        form.put("label_" + (blank + 1), "Code invalide");
        form.put("_csrf", token(page));
        HttpResponse<String> refused = post(dpaf, form, baseUrl());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Liste des pièces refusée, rien n&#39;a été modifié", "pièce STATUTES en double",
                "code invalide « X Y »", "value=\"X Y\"");
        assertThat(jdbc.queryForList("select code from ref_required_document where active order by code", String.class))
                .isEqualTo(original.stream().filter(r -> Boolean.TRUE.equals(r.get("active"))).map(r -> (String) r.get("code")).sorted().toList());
    }

    @Test
    void shouldShowACpsClerkTheListReadOnlyAndRefuseItsPost() throws Exception {
        WebappLogin.Session cps = WebappLogin.logIn(baseUrl(), "cps.borgou", "demo");
        HttpResponse<String> page = get(cps);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Statuts et règlement intérieur", "Seules la DPAF et l'administration modifient cette liste")
                .doesNotContain("Enregistrer la liste");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code_0", "STATUTES");
        form.put("label_0", "Statuts");
        form.put("active_0", "on");
        // even with its session's form token (its read-only page carries it, as every form page does)
        form.put("_csrf", token(page));
        HttpResponse<String> refused = post(cps, form, baseUrl());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Seules la DPAF et l'administration modifient la liste des pièces du dossier");
        assertUnchanged();
    }

    @Test
    void shouldNotAuthenticateAPostWithoutTheSessionTokenOrFromAnotherSite() throws Exception {
        WebappLogin.Session dpaf = WebappLogin.logIn(baseUrl(), "dpaf.agent", "demo");
        String token = token(get(dpaf));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code_0", "STATUTES");
        form.put("label_0", "Statuts");
        form.put("active_0", "on");
        assertThat(post(dpaf, form, baseUrl()).statusCode()).as("no token").isEqualTo(401);
        form.put("_csrf", "not-the-token");
        assertThat(post(dpaf, form, baseUrl()).statusCode()).as("another token").isEqualTo(401);
        form.put("_csrf", token);
        assertThat(post(dpaf, form, "https://evil.example").statusCode()).as("another site").isEqualTo(401);
        assertUnchanged();
    }

    private void assertUnchanged() {
        assertThat(jdbc.queryForObject("select count(*) from ref_required_document where active", Integer.class))
                .isEqualTo(original.stream().filter(r -> Boolean.TRUE.equals(r.get("active"))).count());
    }

    private HttpResponse<String> get(WebappLogin.Session session) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + PAGE))
                .header("Cookie", session.cookies()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(WebappLogin.Session session, Map<String, String> form, String origin) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + PAGE))
                .header("Cookie", session.cookies()).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(HttpResponse<String> page) {
        Matcher m = TOKEN.matcher(page.body());
        assertThat(m.find()).as("the form carries the session's CSRF token").isTrue();
        return m.group(1);
    }

    /** What the browser would post for the form as shown (text inputs, selected options, ticked boxes). */
    private static Map<String, String> shownForm(String html) {
        Map<String, String> form = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input name=\"((?:code|label)_\\d+)\" value=\"([^\"]*)\"").matcher(html);
        while (input.find()) {
            form.put(input.group(1), unescape(input.group(2)));
        }
        Matcher box = Pattern.compile("<input type=\"checkbox\" name=\"(active_\\d+)\"[^>]*checked").matcher(html);
        while (box.find()) {
            form.put(box.group(1), "on");
        }
        Matcher select = Pattern.compile("<select name=\"(kind_\\d+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        while (select.find()) {
            Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(select.group(2));
            form.put(select.group(1), selected.find() ? selected.group(1) : "");
        }
        return form;
    }

    private static String rowOf(Map<String, String> form, String code) {
        return form.entrySet().stream().filter(e -> e.getKey().startsWith("code_") && code.equals(e.getValue()))
                .map(e -> e.getKey().substring("code_".length())).findFirst().orElseThrow();
    }

    /** The index of the first blank row (after the documents). */
    private static int rowCount(Map<String, String> form) {
        List<Integer> filled = new ArrayList<>();
        form.forEach((k, v) -> {
            if (k.startsWith("code_") && !v.isEmpty()) {
                filled.add(Integer.parseInt(k.substring("code_".length())));
            }
        });
        return filled.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
