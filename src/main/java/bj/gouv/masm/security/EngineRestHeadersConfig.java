package bj.gouv.masm.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Security headers on /engine-rest (Camunda Modeler, scripts): the webapps get theirs from
 * camunda.bpm.webapp.header-security, /api from Spring Security; the REST API has none of its own.
 */
@Configuration
public class EngineRestHeadersConfig {

    @Bean
    FilterRegistrationBean<Filter> engineRestSecurityHeaders() {
        Filter filter = (request, response, chain) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");
            http.setHeader("Cache-Control", "no-store");
            http.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("masm-engine-rest-headers");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Integer.MIN_VALUE + 100);
        return registration;
    }
}
