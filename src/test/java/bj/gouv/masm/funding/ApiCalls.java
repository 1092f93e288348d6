package bj.gouv.masm.funding;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP calls to our API as a demo user (password "demo" in tests). */
public final class ApiCalls {

    private final String baseUrl;
    private final HttpClient client = HttpClient.newHttpClient();

    public ApiCalls(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String path, String user) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", auth(user))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String user, String json) throws Exception {
        return send("POST", path, user, "application/json", json);
    }

    public HttpResponse<String> send(String method, String path, String user, String contentType, String body)
            throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", auth(user))
                .header("Content-Type", contentType + "; charset=UTF-8")
                .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String auth(String user) {
        String password = "admin".equals(user) ? "test-admin-password" : "demo";
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
