package bj.gouv.masm.security;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's /engine-rest authentication filter with HTTP basic, whose verified credentials are remembered
 * for a short while ({@link VerifiedCredentialsCache}): the same user, groups and tenants as Camunda's
 * provider would give, without re-checking an unchanged password at every request.
 */
@RequiredArgsConstructor
public class CachingBasicAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final VerifiedCredentialsCache cache;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        super.init(filterConfig);
        authenticationProvider = new CachingBasicAuthenticationProvider(cache);
    }

    static final class CachingBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

        private final VerifiedCredentialsCache cache;

        CachingBasicAuthenticationProvider(VerifiedCredentialsCache cache) {
            this.cache = cache;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            if (!cache.enabled()) {
                return super.extractAuthenticatedUser(request, engine);
            }
            String header = request.getHeader("Authorization");
            if (header == null || !header.startsWith(BASIC_AUTH_HEADER_PREFIX)) {
                return AuthenticationResult.unsuccessful();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(BASIC_AUTH_HEADER_PREFIX.length()).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return AuthenticationResult.unsuccessful();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return AuthenticationResult.unsuccessful();
            }
            String userId = decoded.substring(0, colon);
            String password = decoded.substring(colon + 1);
            VerifiedCredentialsCache.Verified verified = cache.lookup(engine.getName(), userId, password);
            if (verified == null) {
                long generation = cache.generation();
                IdentityService identityService = engine.getIdentityService();
                if (!identityService.checkPassword(userId, password)) {
                    return AuthenticationResult.unsuccessful(userId);
                }
                // what ProcessEngineAuthenticationFilter would query when the provider gives no groups/tenants
                List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                        .map(Group::getId).toList();
                List<String> tenants = identityService.createTenantQuery().userMember(userId)
                        .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
                cache.store(engine.getName(), userId, password, groups, tenants, generation);
                verified = new VerifiedCredentialsCache.Verified(userId, groups, tenants);
            }
            AuthenticationResult result = AuthenticationResult.successful(verified.userId());
            result.setGroups(verified.groups());
            result.setTenants(verified.tenants());
            return result;
        }
    }
}
