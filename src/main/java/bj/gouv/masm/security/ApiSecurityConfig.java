package bj.gouv.masm.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Spring Security guards only our own paths: /api (HTTP basic, stateless) and /dashboard (the webapps'
 * session); the Camunda webapps keep their session login and CSRF filter, /engine-rest gets Camunda's
 * own basic-auth filter. Unsafe cross-site requests and oversized bodies are refused before any of them.
 */
@Configuration
@EnableWebSecurity
public class ApiSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                       IdentityService identityService, ObjectMapper objectMapper) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"MASM\"");
            writeJson(objectMapper, response, 401, "Authentication required");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> writeJson(objectMapper, response, 403, "Not allowed");
        http.securityMatcher("/api/**")
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless HTTP basic, no cookies; unsafe cross-site requests are refused by CrossSiteRequestFilter
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()))
                .addFilterAfter(new EngineAuthenticationBridgeFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The dashboard uses the webapps' session login only: never HTTP basic (a browser that was asked for
     * basic credentials would send them with requests other sites make it send). A browser without a
     * webapp session is sent to the login page of the webapps.
     */
    @Bean
    @Order(2)
    SecurityFilterChain dashboardFilterChain(HttpSecurity http, IdentityService identityService,
                                             ObjectMapper objectMapper, ProcessEngine processEngine) throws Exception {
        AuthenticationEntryPoint toLogin = (request, response, e) -> {
            if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                response.sendRedirect(request.getContextPath() + WEBAPP_LOGIN);
            } else {
                writeJson(objectMapper, response, 401, "Authentication required");
            }
        };
        AccessDeniedHandler forbidden = (request, response, e) -> writeJson(objectMapper, response, 403, "Not allowed");
        http.securityMatcher("/dashboard", "/dashboard/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(toLogin).accessDeniedHandler(forbidden))
                // the webapps' session is only read: never given a new id (which would log other tabs out of step)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                // read-only pages: the webapp session authenticates GET/HEAD only (see the filter)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()))
                .addFilterBefore(new CamundaWebappSessionAuthenticationFilter(identityService,
                        processEngine.getName()), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationBridgeFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Where a browser without a webapp session is sent from /dashboard: the webapps' login (welcome page). */
    static final String WEBAPP_LOGIN = "/camunda/app/welcome/default/";

    /** Unsafe cross-site requests on /api and /engine-rest: refused before any authentication (403 JSON). */
    @Bean
    FilterRegistrationBean<CrossSiteRequestFilter> crossSiteRequestFilter() {
        FilterRegistrationBean<CrossSiteRequestFilter> registration = new FilterRegistrationBean<>(new CrossSiteRequestFilter());
        registration.setName("masm-cross-site-requests");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Request bodies over masm.limits.max-request-body: 413 JSON, everywhere. */
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${masm.limits.max-request-body:10MB}") DataSize maxBody) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBody.toBytes()));
        registration.setName("masm-request-size-limit");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Verified HTTP basic credentials of /engine-rest, remembered briefly (README, "Performance"). */
    @Bean(destroyMethod = "close")
    VerifiedCredentialsCache verifiedCredentialsCache(
            @Value("${masm.security.credential-cache.ttl:PT30S}") java.time.Duration ttl) {
        return new VerifiedCredentialsCache(ttl, () -> System.nanoTime() / 1_000_000);
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter(
            VerifiedCredentialsCache verifiedCredentialsCache) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new CachingBasicAuthenticationFilter(verifiedCredentialsCache));
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static void writeJson(ObjectMapper mapper, jakarta.servlet.http.HttpServletResponse response, int status,
                                  String message) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        mapper.writeValue(response.getOutputStream(), Map.of("status", status, "message", message));
    }
}
