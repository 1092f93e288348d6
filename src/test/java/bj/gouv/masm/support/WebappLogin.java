package bj.gouv.masm.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Logs in to the Camunda webapps as their login page does (CSRF token first, then the form). */
public final class WebappLogin {

    public record Session(String cookies, String xsrf, HttpResponse<String> login) {
    }

    private WebappLogin() {
    }

    public static Session logIn(String baseUrl, String user, String password) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> fetch = http.send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/camunda/api/admin/auth/user/default")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String xsrf = fetch.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/camunda/api/admin/auth/user/default/login/welcome"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                    .header("Cookie", cookies(fetch)).header("Origin", baseUrl)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookies = cookies(login).isEmpty() ? cookies(fetch) : cookies(login);
            return new Session(cookies, login.headers().firstValue("X-XSRF-TOKEN").orElse(xsrf), login);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String cookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .reduce((a, b) -> a + "; " + b).orElse("");
    }
}
