package bj.gouv.masm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Compression and browser caching of what a clerk on a slow link downloads (README, "Performance"). */
class WebPerformanceTests extends IntegrationTestBase {

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldCompressAndCacheTheWebappsVersionedScriptsForAYear() throws Exception {
        HttpResponse<byte[]> deps = get("/camunda/lib/deps.js?bust=7.24.0", "Accept-Encoding", "gzip");
        assertThat(deps.statusCode()).isEqualTo(200);
        assertThat(deps.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(deps.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(deps.body().length).as("deps.js gzipped (3.9 MB raw)").isLessThan(1_200_000);
    }

    @Test
    void shouldRevalidateTheWebappFilesOurJarOverrides() throws Exception {
        HttpResponse<byte[]> locale = get("/camunda/app/tasklist/locales/fr.json?bust=7.24.0", "Accept-Encoding", "gzip");
        assertThat(locale.statusCode()).isEqualTo(200);
        assertThat(locale.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(locale.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<byte[]> unversioned = get("/camunda/lib/deps.js");
        assertThat(unversioned.headers().firstValue("Cache-Control").orElse("")).doesNotContain("immutable");
    }

    @Test
    void shouldServeTheDashboardAssetsUnderContentHashedUrlsCachedForAYear() throws Exception {
        String session = bj.gouv.masm.support.WebappLogin.logIn(baseUrl(), "dpaf.agent", "demo").cookies();
        HttpResponse<byte[]> page = get("/dashboard", "Cookie", session, "Accept-Encoding", "gzip");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/dashboard"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        Matcher script = Pattern.compile("/dashboard/assets/dashboard-[0-9a-f]{32}\\.js").matcher(plain.body());
        assertThat(script.find()).as("content-hashed dashboard.js in the page").isTrue();
        HttpResponse<byte[]> asset = get(script.group(), "Cookie", session);
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
    }
}
