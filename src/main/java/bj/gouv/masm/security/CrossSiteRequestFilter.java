package bj.gouv.masm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses unsafe cross-site requests (POST, PUT, PATCH, DELETE) on /api and /engine-rest: a browser that
 * still holds a user's HTTP basic credentials must not let a page of another site post a CSV import or
 * deploy a model in that user's name. A request is refused (403 JSON) when the browser says it comes
 * from another site ({@code Sec-Fetch-Site: cross-site} or {@code same-site}) or when its {@code Origin}
 * is not the server's own (the {@code Host} it was sent to). Requests without these headers — scripts,
 * curl, Camunda Modeler — are not browsers' cross-site requests and go through.
 */
public class CrossSiteRequestFilter extends OncePerRequestFilter {

    static final String MESSAGE = "Requête refusée : une requête de modification venant d'un autre site n'est pas acceptée";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isCrossSite(request)) {
            SecurityResponses.json(response, HttpServletResponse.SC_FORBIDDEN, MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isCrossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.trim().toLowerCase(Locale.ROOT);
            if (site.equals("cross-site") || site.equals("same-site")) {
                return true;
            }
        }
        String origin = request.getHeader("Origin");
        return origin != null && !isOwnOrigin(origin.trim(), request);
    }

    /** The Origin's host (and port when it names one) must be the Host the request was sent to. */
    static boolean isOwnOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || origin.isEmpty() || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            String authority = uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
            // the Host header, or the server name a proxy declared (server.forward-headers-strategy)
            String server = request.getServerName() + ":" + request.getServerPort();
            return authority.equalsIgnoreCase(host.trim()) || sameWithDefaultPort(uri, host.trim())
                    || sameWithDefaultPort(uri, server);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code Origin: https://masm.bj} against {@code Host: masm.bj:443} (or http and 80). */
    private static boolean sameWithDefaultPort(URI origin, String host) {
        int defaultPort = "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80;
        int port = origin.getPort() >= 0 ? origin.getPort() : defaultPort;
        return (origin.getHost() + ":" + port).equalsIgnoreCase(host)
                || (port == defaultPort && origin.getHost().equalsIgnoreCase(host));
    }
}
