package bj.gouv.masm.security;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the browser is served is ours: for each webapp, /camunda/app/<app>/scripts/config.js and
 * styles/user-styles.css are byte for byte the one source of src/main/webapp-overrides (copied there
 * by the build), and locales/fr.json is our translation, not Camunda's file of the same path.
 */
class WebappOverridesTests extends IntegrationTestBase {

    private static final Path SOURCE = Path.of("src", "main", "webapp-overrides");
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void shouldServeOurSingleConfigAndStylesToEveryApp(String app) throws Exception {
        HttpResponse<byte[]> config = get("/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(new String(config.body(), StandardCharsets.UTF_8))
                .isEqualTo(source("scripts/config.js"))
                .contains("availableLocales: ['fr', 'en']");
        HttpResponse<byte[]> styles = get("/camunda/app/" + app + "/styles/user-styles.css");
        assertThat(styles.statusCode()).isEqualTo(200);
        assertThat(new String(styles.body(), StandardCharsets.UTF_8)).isEqualTo(source("styles/user-styles.css"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void shouldServeOurFrenchTranslations(String app) throws Exception {
        HttpResponse<byte[]> french = get("/camunda/app/" + app + "/locales/fr.json");
        assertThat(french.statusCode()).isEqualTo(200);
        String ours = Files.readString(Path.of("src", "main", "resources", "META-INF", "resources", "webjars",
                "camunda", "app", app, "locales", "fr.json"), StandardCharsets.UTF_8);
        assertThat(new String(french.body(), StandardCharsets.UTF_8)).isEqualTo(ours);
    }

    private static String source(String file) throws IOException {
        return Files.readString(SOURCE.resolve(file), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
