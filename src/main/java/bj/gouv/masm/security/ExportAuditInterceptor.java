package bj.gouv.masm.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every export that leaves the server (CSV, Excel, IATI XML of /api/exports, the dashboard's lists, a review
 * report) is an audit event {@code Export / EXPORTED}: who, when, which list with which filters.
 */
@Configuration
@RequiredArgsConstructor
public class ExportAuditInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final SecurityAudit audit;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/dashboard", "/dashboard/**");
    }

    static boolean isExport(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length()).toLowerCase(Locale.ROOT);
        String format = request.getParameter("format");
        return path.startsWith("/api/exports/") || path.startsWith("/dashboard/iati/")
                || path.endsWith(".csv") || path.endsWith(".xlsx")
                || (path.startsWith("/dashboard") && format != null
                && (format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("xlsx")));
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null || response.getStatus() < 200 || response.getStatus() >= 300 || !isExport(request)) {
            return;
        }
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        audit.record(user == null ? SecurityAudit.ANONYMOUS : user.getName(), SecurityAudit.EXPORT, path,
                "EXPORTED", "Export " + path + (query == null ? "" : "?" + query));
    }
}
