package bj.gouv.masm.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Long browser caching of the Camunda webapps' versioned assets. Tasklist, Cockpit and Admin load their
 * scripts and styles as {@code ...?bust=7.24.0}: the query changes with every Camunda release, so these
 * responses may be kept a year ({@code immutable}). The files our jar puts over the webjar's (French
 * locales, {@code config.js}, {@code user-styles.css}) carry the same bust but change with our releases:
 * they are revalidated ({@code no-cache}: a 304 when unchanged). Everything else is left alone. Any later
 * attempt to set caching headers on a busted asset (by a webapp filter) is ignored.
 */
@Configuration
public class WebappAssetCaching {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    /** Webapp files our jar overrides: see src/main/resources/META-INF/resources/webjars/camunda/. */
    static final List<String> OUR_FILES = List.of("/locales/", "/scripts/config.js", "/styles/user-styles.css");

    @Bean
    FilterRegistrationBean<Filter> webappAssetCachingFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter());
        registration.setName("masm-webapp-asset-caching");
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static String cacheControl(String method, String path, String query) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        if (query == null || !(query.startsWith("bust=") || query.contains("&bust="))) {
            return null;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("/api/") || lower.endsWith(".html")) {
            return null;
        }
        return OUR_FILES.stream().anyMatch(lower::contains) ? REVALIDATE : IMMUTABLE;
    }

    static final class Filter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String cacheControl = cacheControl(request.getMethod(), request.getRequestURI(), request.getQueryString());
            if (cacheControl == null) {
                chain.doFilter(request, response);
                return;
            }
            response.setHeader("Cache-Control", cacheControl);
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setHeader(String name, String value) {
                    if (!caching(name)) {
                        super.setHeader(name, value);
                    }
                }

                @Override
                public void addHeader(String name, String value) {
                    if (!caching(name)) {
                        super.addHeader(name, value);
                    }
                }

                @Override
                public void setDateHeader(String name, long date) {
                    if (!caching(name)) {
                        super.setDateHeader(name, date);
                    }
                }

                @Override
                public void addDateHeader(String name, long date) {
                    if (!caching(name)) {
                        super.addDateHeader(name, date);
                    }
                }
            });
        }

        private static boolean caching(String header) {
            return "Cache-Control".equalsIgnoreCase(header) || "Pragma".equalsIgnoreCase(header)
                    || "Expires".equalsIgnoreCase(header);
        }
    }
}
