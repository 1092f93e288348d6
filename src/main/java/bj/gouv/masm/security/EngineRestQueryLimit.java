package bj.gouv.masm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A cap on the results of engine queries made over {@code /engine-rest} (Camunda's query-max-results-limit):
 * a query asking for more than {@code masm.limits.engine-rest-max-results} results (default 1,000), or for
 * an unbounded list, is refused with 400 ("Max results limit of 1000 exceeded!" / "An unbound number of
 * results is forbidden!"): integrators page with {@code firstResult}/{@code maxResults}.
 *
 * <p>Camunda applies its limit to every query of an authenticated user; here it applies to /engine-rest
 * requests only, so the webapps (their own REST path, /camunda/api/engine) and our /api and dashboard
 * (which read bounded engine lists on the user's behalf) are not affected. The engine configuration is
 * the starter's (same plugins), with the limit read from the current request.
 */
@Configuration
public class EngineRestQueryLimit {

    private static final ThreadLocal<Boolean> ENGINE_REST = new ThreadLocal<>();

    /** The starter's engine configuration, whose query limit applies to /engine-rest requests only. */
    @Bean
    ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins,
            @Value("${masm.limits.engine-rest-max-results:1000}") int maxResults) {
        SpringProcessEngineConfiguration configuration =
                CamundaSpringBootUtil.initCustomFields(new LimitedConfiguration(maxResults));
        configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
        return configuration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestQueryLimitFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ENGINE_REST.set(Boolean.TRUE);
                try {
                    chain.doFilter(request, response);
                } finally {
                    ENGINE_REST.remove();
                }
            }
        });
        registration.setName("masm-engine-rest-query-limit");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }

    static final class LimitedConfiguration extends SpringProcessEngineConfiguration {

        private final int engineRestMaxResults;

        LimitedConfiguration(int engineRestMaxResults) {
            this.engineRestMaxResults = engineRestMaxResults;
        }

        @Override
        public int getQueryMaxResultsLimit() {
            return Boolean.TRUE.equals(ENGINE_REST.get()) ? engineRestMaxResults : super.getQueryMaxResultsLimit();
        }
    }
}
