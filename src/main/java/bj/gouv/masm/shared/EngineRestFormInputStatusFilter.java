package bj.gouv.masm.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A refused form input is a client error, whichever way it reaches the engine. Camunda's REST API answers
 * {@code POST /engine-rest/process-definition/.../start} with 500 for any engine exception, our
 * {@link FormInputException} (e.g. « Partenaire inconnu ») included, while {@code submit-form} and task
 * completion answer 400. On POST/PUT requests to {@code /engine-rest}, this filter turns such a 500 into 400
 * when the engine refused a form input during the request ({@link FormInputErrorsPlugin} records it on the
 * request's thread); the body (Camunda's JSON with the French message) is kept.
 */
public class EngineRestFormInputStatusFilter extends OncePerRequestFilter {

    private static final ThreadLocal<FormInputException> REFUSAL = new ThreadLocal<>();

    static void recordRefusal(FormInputException refusal) {
        REFUSAL.set(refusal);
    }

    /** Registered on /engine-rest/* only (the filter itself is not a bean, so it is not mapped to every URL). */
    @Configuration
    static class Registration {

        @Bean
        FilterRegistrationBean<EngineRestFormInputStatusFilter> engineRestFormInputStatus() {
            FilterRegistrationBean<EngineRestFormInputStatusFilter> registration =
                    new FilterRegistrationBean<>(new EngineRestFormInputStatusFilter());
            registration.setName("masm-engine-rest-form-input-status");
            registration.addUrlPatterns("/engine-rest/*");
            registration.setOrder(Integer.MIN_VALUE + 110);
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        REFUSAL.remove();
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR && REFUSAL.get() != null) {
                wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        } finally {
            REFUSAL.remove();
            wrapper.copyBodyToResponse();
        }
    }
}
