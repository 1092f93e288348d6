package bj.gouv.masm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Every password check over HTTP — HTTP basic on /api and /engine-rest, the webapps' login form — passes
 * here: a failed one (401) is recorded in the audit trail (who was tried, from which address, on which
 * channel) and counted against the client address ({@link AddressThrottle}); an address over its quota is
 * answered 429 with {@code Retry-After}, before any password is checked.
 */
@RequiredArgsConstructor
public class LoginAttemptFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoginAttemptFilter.class);
    static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");
    static final String THROTTLED = "Trop d'échecs de connexion depuis cette adresse : réessayez dans %d s";

    private final AddressThrottle throttle;
    private final SecurityAudit audit;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean webappLogin = "POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches();
        String basicUser = basicUser(request);
        if (!webappLogin && basicUser == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        long wait = throttle.retryAfterSeconds(address);
        if (wait > 0) {
            response.setHeader("Retry-After", String.valueOf(wait));
            SecurityResponses.json(response, 429, THROTTLED.formatted(wait));
            return;
        }
        HttpServletRequest wrapped = webappLogin ? new ContentCachingRequestWrapper(request, 4096) : request;
        String channel = webappLogin ? "webapps" : path.startsWith("/engine-rest") ? "/engine-rest" : "/api";
        Runnable recordFailure = () -> failed(
                webappLogin ? formUser((ContentCachingRequestWrapper) wrapped) : basicUser, channel, address);
        UnauthorizedSpotter spotter = new UnauthorizedSpotter(response, recordFailure);
        chain.doFilter(wrapped, spotter);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            spotter.spotted();
        }
    }

    /**
     * Counts a failure the moment a 401 status is set, before its body is written and flushed: recorded only
     * after the chain returns, the client could already hold the answer and send its next attempt before
     * the count grew (a 31st try would then slip through).
     */
    static final class UnauthorizedSpotter extends HttpServletResponseWrapper {

        private final Runnable onUnauthorized;
        private final AtomicBoolean done = new AtomicBoolean();

        UnauthorizedSpotter(HttpServletResponse response, Runnable onUnauthorized) {
            super(response);
            this.onUnauthorized = onUnauthorized;
        }

        @Override
        public void setStatus(int status) {
            spotIfUnauthorized(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            spotIfUnauthorized(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            spotIfUnauthorized(status);
            super.sendError(status, message);
        }

        private void spotIfUnauthorized(int status) {
            if (status == HttpServletResponse.SC_UNAUTHORIZED) {
                spotted();
            }
        }

        void spotted() {
            if (done.compareAndSet(false, true)) {
                onUnauthorized.run();
            }
        }
    }

    private void failed(String user, String channel, String address) {
        // counted first: an audit trail that cannot be written must not lift the throttle
        boolean nowThrottled = throttle.failed(address);
        try {
            audit.record(SecurityAudit.ANONYMOUS, SecurityAudit.LOGIN, user, "LOGIN_FAILED",
                    "Échec de connexion (" + channel + ") depuis " + address);
            if (nowThrottled) {
                audit.record(SecurityAudit.ANONYMOUS, SecurityAudit.LOGIN, user, "ADDRESS_THROTTLED",
                        "Adresse " + address + " ralentie après des échecs de connexion répétés");
            }
        } catch (RuntimeException e) {
            log.warn("Failed login from {} could not be recorded: {}", address, e.getMessage());
        }
    }

    /** The user id of an HTTP basic header, or null when there is none. */
    static String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static String formUser(ContentCachingRequestWrapper request) {
        String body = new String(request.getContentAsByteArray(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("username")) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        String parameter = request.getParameter("username");
        return parameter == null ? "" : parameter;
    }
}
