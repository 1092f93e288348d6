package bj.gouv.masm.dashboard;

import bj.gouv.masm.coordination.CoordinationKpi;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The dashboard's coordination panel (beside the reporting compliance): the indicator of the current and
 * of the previous year, as model attribute {@code coordination} of the dashboard page only.
 */
@ControllerAdvice(assignableTypes = DashboardController.class)
@RequiredArgsConstructor
public class CoordinationDashboardPanel {

    private final CoordinationKpi kpi;
    private final Clock clock;

    @ModelAttribute("coordination")
    public List<CoordinationKpi.Kpi> coordination(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"/dashboard".equals(path) && !"/dashboard/".equals(path)) {
            return List.of();
        }
        int year = LocalDate.now(clock).getYear();
        return List.of(kpi.kpi(year), kpi.kpi(year - 1));
    }
}
