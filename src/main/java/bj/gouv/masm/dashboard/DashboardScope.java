package bj.gouv.masm.dashboard;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.ApiException;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Applies AccessScope to the dashboard: central groups see the whole country; CPS staff see their
 * own department (the filter defaults to it, another department is refused).
 */
@Component
@RequiredArgsConstructor
public class DashboardScope {

    private final AccessScope scope;

    public DashboardFilter apply(DashboardFilter filter) {
        if (scope.seesAllDepartments()) {
            return filter;
        }
        Set<String> departments = scope.cpsDepartments();
        if (departments.isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Tableau de bord réservé au personnel du Ministère");
        }
        if (filter.department() == null) {
            return filter.withDepartment(departments.iterator().next());
        }
        if (!departments.contains(filter.department())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Vous ne voyez que les données de votre département");
        }
        return filter;
    }

    public boolean seesAllDepartments() {
        return scope.seesAllDepartments();
    }
}
