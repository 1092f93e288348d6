package bj.gouv.masm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
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
 * Unsafe methods and /api are never authenticated by the cookie (no CSRF exposure).
 */
public class CamundaWebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /** The session attribute of Camunda's webapp (AuthenticationUtil.CAM_AUTH_SESSION_KEY, 7.24). */
    static final String CAMUNDA_SESSION_KEY = "authenticatedUser";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private static final RequestAttributeSecurityContextRepository REQUEST_CONTEXT =
            new RequestAttributeSecurityContextRepository();

    private final IdentityService identityService;
    private final String engineName;

    public CamundaWebappSessionAuthenticationFilter(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !SAFE_METHODS.contains(request.getMethod())
                || !(path.equals("/dashboard") || path.startsWith("/dashboard/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var existing = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if ((existing == null || !existing.isAuthenticated()) && session != null
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
