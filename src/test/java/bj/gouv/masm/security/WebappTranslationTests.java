package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The webapps speak French: our fr.json files (in our jar) against the English files shipped in
 * Camunda's webjar. Tasklist, Cockpit, Admin and the welcome page must be complete (a failure lists
 * the missing keys); every translation keeps the placeholders of the English text; each app's
 * config.js makes French the language of every browser, with English as the fallback.
 */
class WebappTranslationTests {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}|\\{}|%[sd]");
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void shouldTranslateEveryKeyOfTheShippedEnglishFile(String app) throws IOException {
        Map<String, String> english = labels(app, "en");
        Map<String, String> french = labels(app, "fr");
        List<String> untranslated = new ArrayList<>();
        english.keySet().stream().filter(key -> !french.containsKey(key)).forEach(untranslated::add);
        assertThat(untranslated).as("keys of %s/locales/en.json missing from our fr.json", app).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void shouldKeepPlaceholdersAndOnlyKnownKeys(String app) throws IOException {
        Map<String, String> english = labels(app, "en");
        Map<String, String> french = labels(app, "fr");
        assertThat(new TreeSet<>(english.keySet())).as("keys of our %s fr.json", app).containsAll(french.keySet());
        Map<String, String> broken = new TreeMap<>();
        french.forEach((key, text) -> {
            if (!"BANNER_CE_EOL_TEXT".equals(key) && !placeholders(text).equals(placeholders(english.get(key)))) {
                broken.put(key, text);
            }
        });
        assertThat(broken).as("French texts of %s losing a placeholder of the English text", app).isEmpty();
    }

    @Test
    void shouldTranslateTheScreensManagersAndAdministratorsUseDaily() throws IOException {
        Map<String, String> cockpit = labels("cockpit", "fr");
        assertThat(cockpit).containsKeys("DASHBOARD_RUNNING_PROCESS_INSTANCE", "DASHBOARD_OPEN_INCIDENTS",
                "COCKPIT_PROCESSES", "PLUGIN_PROCESS_DEF_RUNNING_INSTANCES", "PLUGIN_PROCESS_INSTANCES_LABEL",
                "PLUGIN_INCIDENTS_LABEL", "PLUGIN_VARIABLE_INSTANCES_LABEL", "PLUGIN_USER_TASKS_LABEL",
                "PROCESS_INSTANCE_INFORMATION", "PAGE_LOGIN_PLEASE_SIGN_IN");
        Map<String, String> admin = labels("admin", "fr");
        assertThat(admin).containsKeys("USERS_LIST_OF_USERS", "USERS_CREATE_NEW_USER", "GROUPS_LIST_OF_GROUPS",
                "GROUP_MEMBERSHIP_GROUP_ADD_GROUPS", "AUTHORIZATION_AUTHORIZATIONS", "AUTHORIZATION_CREATE_NEW_AUTHORIZATION",
                "USERS_UNLOCK_USER", "PAGE_LOGIN_PLEASE_SIGN_IN");
        assertThat(labels("tasklist", "fr").get("PAGE_LOGIN_PLEASE_SIGN_IN")).isEqualTo("Veuillez vous connecter");
        assertThat(labels("tasklist", "fr").get("START_PROCESS")).isEqualTo("Démarrer un processus");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void shouldMakeFrenchTheLanguageOfEveryBrowser(String app) throws IOException {
        String config = ours(APP + app + "/scripts/config.js");
        assertThat(config)
                .contains("availableLocales: ['fr', 'en']")
                .contains("fallbackLocale: 'en'")
                .contains("'languages', { value: ['fr-FR', 'fr']")
                .contains("vendor: 'MASM —'").contains("name: 'Coopération'")
                .contains("normal: 'DD/MM/YYYY HH:mm'");
        assertThat(ours(APP + app + "/styles/user-styles.css")).contains(".ce-eol-banner").contains("display: none");
        JsonNode dates = json.readTree(ours(APP + app + "/locales/fr.json")).path("dateLocales");
        if (!dates.isMissingNode()) {
            assertThat(dates.path("longDateFormat").path("L").asText()).isEqualTo("DD/MM/YYYY");
            assertThat(dates.path("months").get(7).asText()).isEqualTo("août");
        }
    }

    private Map<String, String> labels(String app, String locale) throws IOException {
        String path = APP + app + "/locales/" + locale + ".json";
        JsonNode labels = json.readTree("fr".equals(locale) ? ours(path) : shipped(path)).path("labels");
        Map<String, String> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            map.put(entry.getKey(), entry.getValue().asText());
        }
        assertThat(map).as(path).isNotEmpty();
        return map;
    }

    /** Our file (target/classes), never the webjar's copy of the same path. */
    private static String ours(String path) throws IOException {
        return read(path, false);
    }

    private static String shipped(String path) throws IOException {
        return read(path, true);
    }

    private static String read(String path, boolean fromWebjar) throws IOException {
        Enumeration<URL> urls = WebappTranslationTests.class.getClassLoader().getResources(path);
        while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            boolean inWebjar = url.toString().contains("camunda-webapp-webjar");
            if (inWebjar == fromWebjar) {
                try (InputStream in = url.openStream()) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    return text.startsWith("\uFEFF") ? text.substring(1) : text;
                }
            }
        }
        throw new AssertionError((fromWebjar ? "shipped " : "our ") + path + " not found on the classpath");
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group().replace(" ", ""));
        }
        found.sort(String::compareTo);
        return found;
    }
}
