package bj.gouv.masm.reviews;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A stored half-year report: departmental (scope DEPARTMENT, key = review key) or national (key = half-year).
 * A departmental report follows the quarterly reports recorded until its review is held (refreshedAt),
 * then stays as discussed (frozenAt); {@code quarters} says per quarter how many reports are still awaited.
 */
public record ReviewReport(Long id, String scope, String reportKey, String department, String halfYearKey,
                           LocalDate periodStart, LocalDate periodEnd, ReviewFigures figures,
                           Integer departmentsCount, String summary, OffsetDateTime compiledAt, String compiledBy,
                           OffsetDateTime createdAt, String createdBy, List<ReviewQuarter> quarters,
                           OffsetDateTime frozenAt, OffsetDateTime refreshedAt) {

    public static final String SCOPE_DEPARTMENT = "DEPARTMENT";
    public static final String SCOPE_NATIONAL = "NATIONAL";

    @JsonIgnore
    public boolean isFrozen() {
        return frozenAt != null;
    }

    @JsonIgnore
    public boolean isNational() {
        return SCOPE_NATIONAL.equals(scope);
    }
}
