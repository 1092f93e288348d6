package bj.gouv.masm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description of /api: complete (every controller endpoint under /api is in it), in
 * French, with the error answers and the HTTP basic scheme; served to authenticated users only,
 * and its Swagger UI comes from our jar (no CDN).
 */
class OpenApiTests extends IntegrationTestBase {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldDescribeEveryControllerEndpointUnderApi() throws Exception {
        JsonNode paths = document().path("paths");
        Set<String> endpoints = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (pattern.startsWith("/api/") || pattern.equals("/api")) {
                    for (RequestMethod verb : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        endpoints.add(verb.name() + " " + pattern);
                    }
                }
            }
        });
        endpoints.removeIf(e -> e.contains("/api/openapi.json") || e.contains("/api/docs"));
        assertThat(endpoints).as("controller endpoints under /api").hasSizeGreaterThan(20);
        Set<String> missing = new TreeSet<>();
        for (String endpoint : endpoints) {
            String verb = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            if (!paths.path(path).has(verb)) {
                missing.add(endpoint);
            }
        }
        assertThat(missing).as("endpoints missing from /api/openapi.json").isEmpty();
    }

    @Test
    void shouldSummariseEveryOperationInFrenchWithItsErrorAnswers() throws Exception {
        JsonNode document = document();
        Set<String> withoutSummary = new TreeSet<>();
        Set<String> withoutErrors = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            if (op.getValue().path("summary").asText().isBlank()) {
                withoutSummary.add(name);
            }
            JsonNode responses = op.getValue().path("responses");
            boolean errors = responses.has("400") && responses.has("403")
                    && (!path.getKey().contains("{") || responses.has("404"))
                    && (op.getKey().equals("get") || op.getKey().equals("delete") || responses.has("409"));
            if (!errors || !responses.path("400").path("content").path("application/json").path("schema")
                    .path("$ref").asText().endsWith("/ApiError")) {
                withoutErrors.add(name);
            }
        }));
        assertThat(withoutSummary).as("operations without a French summary (OpenApiConfig.SUMMARIES)").isEmpty();
        assertThat(withoutErrors).as("operations without their error answers").isEmpty();
        assertThat(document.path("paths").path("/api/partners").path("post").path("summary").asText())
                .isEqualTo("Enregistrer un partenaire");
        JsonNode error = document.path("components").path("schemas").path("ApiError").path("properties");
        assertThat(error.has("message")).isTrue();
        assertThat(error.path("errors").path("type").asText()).isEqualTo("array");
        JsonNode basic = document.path("components").path("securitySchemes").path("basicAuth");
        assertThat(basic.path("type").asText()).isEqualTo("http");
        assertThat(basic.path("scheme").asText()).isEqualTo("basic");
        assertThat(document.path("security").toString()).contains("basicAuth");
        assertThat(document.path("openapi").asText()).startsWith("3.");
    }

    @Test
    void shouldServeTheDocumentAndItsBrowserOnlyToAuthenticatedUsersFromOurJar() throws Exception {
        assertThat(get("/api/openapi.json", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/docs", null).statusCode()).isEqualTo(401);

        HttpResponse<String> docs = get("/api/docs", "manager");
        String page = docs.uri().getPath();
        int hops = 0;
        while (docs.statusCode() / 100 == 3 && hops++ < 5) {
            page = URI.create(baseUrl() + page).resolve(docs.headers().firstValue("Location").orElseThrow()).getPath();
            docs = get(page, "manager");
        }
        assertThat(docs.statusCode()).as(page).isEqualTo(200);
        assertThat(docs.body()).contains("swagger-ui").doesNotContain("https://").doesNotContain("http://");
        assertThat(get(page, null).statusCode()).as("the UI page without credentials").isEqualTo(401);

        String base = page.substring(0, page.lastIndexOf('/') + 1);
        HttpResponse<String> bundle = get(base + "swagger-ui-bundle.js", "manager");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        HttpResponse<String> initializer = get(base + "swagger-initializer.js", "manager");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).doesNotContain("petstore");
    }

    private JsonNode document() throws Exception {
        HttpResponse<String> response = get("/api/openapi.json", "analyst");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
