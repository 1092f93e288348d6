package bj.gouv.masm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "The same login" for the dashboard: a browser already logged in to Tasklist/Cockpit carries the
 * Camunda webapp session, whose attribute {@code authenticatedUser} holds the webapp's
 * {@link Authentications}. For a safe (GET/HEAD) request under /dashboard this filter accepts that
 * user for the request; groups are read fresh from the identity service. It never creates a session
 * (getSession(false)) and never stores anything in it. It is the dashboard's only login (no HTTP basic).
 * Unsafe methods and /api are never authenticated by the cookie (no CSRF exposure), with one exception:
 * a form POST to one of {@link #FORM_PATHS} (dashboard pages that edit something) is accepted when it
 * comes from our own site (no cross-site {@code Sec-Fetch-Site}/{@code Origin}, as {@link CrossSiteRequestFilter})
 * and carries, as parameter {@value #CSRF_PARAMETER}, the form token of the webapp session (a synchronizer
 * token the page puts in its form, see {@link #csrfToken}).
 */
@RequiredArgsConstructor
public class CamundaWebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /** The session attribute of Camunda's webapp (AuthenticationUtil.CAM_AUTH_SESSION_KEY, 7.24). */
    static final String CAMUNDA_SESSION_KEY = "authenticatedUser";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");
    /** Dashboard pages whose form posts are authenticated by the webapp session (with its CSRF token). */
    public static final Set<String> FORM_PATHS = Set.of("/dashboard/required-documents");
    /** The form parameter that carries the session's CSRF token. */
    public static final String CSRF_PARAMETER = "_csrf";
    /** Where the dashboard's form token is kept in the webapp session. */
    static final String FORM_TOKEN = "MASM_DASHBOARD_FORM_TOKEN";

    private static final RequestAttributeSecurityContextRepository REQUEST_CONTEXT =
            new RequestAttributeSecurityContextRepository();

    private final IdentityService identityService;
    private final String engineName;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!SAFE_METHODS.contains(request.getMethod())) {
            return !("POST".equals(request.getMethod()) && FORM_PATHS.contains(path));
        }
        return !(path.equals("/dashboard") || path.startsWith("/dashboard/"));
    }

    /**
     * The token a dashboard page puts in its form (synchronizer token): made once per webapp session and
     * kept in it under its own name (never Camunda's own CSRF token, which the webapps must be the ones to
     * create and receive); null without a webapp session. Logging out ends the session and the token.
     */
    public static String csrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        synchronized (session) {
            if (session.getAttribute(FORM_TOKEN) instanceof String token) {
                return token;
            }
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            String token = java.util.HexFormat.of().formatHex(random);
            session.setAttribute(FORM_TOKEN, token);
            return token;
        }
    }

    private static String existingCsrfToken(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(FORM_TOKEN) instanceof String token ? token : null;
    }

    /** A form post: from our own site, with the session's CSRF token. */
    private static boolean trustedFormPost(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String expected = existingCsrfToken(request);
        String given = request.getParameter(CSRF_PARAMETER);
        return expected != null && given != null && !CrossSiteRequestFilter.isCrossSite(request)
                && java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        given.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var existing = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if ((existing == null || !existing.isAuthenticated()) && session != null && trustedFormPost(request)
                && session.getAttribute(CAMUNDA_SESSION_KEY) instanceof Authentications authentications) {
            var camunda = authentications.getAuthenticationForProcessEngine(engineName);
            if (camunda instanceof UserAuthentication user && user.getIdentityId() != null
                    && identityService.createUserQuery().userId(user.getIdentityId()).count() == 1) {
                var authorities = identityService.createGroupQuery().groupMember(user.getIdentityId()).list().stream()
                        .map(g -> new SimpleGrantedAuthority("GROUP_" + g.getId())).toList();
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, authorities));
                SecurityContextHolder.setContext(context);
                // kept for the request's error dispatch too (a 400/403 page of the dashboard), as HTTP basic did
                REQUEST_CONTEXT.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
