package bj.gouv.masm.reviews;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored half-year report: departmental (scope DEPARTMENT, key = review key) or national (key = half-year). */
public record ReviewReport(Long id, String scope, String reportKey, String department, String halfYearKey,
                           LocalDate periodStart, LocalDate periodEnd, ReviewFigures figures,
                           Integer departmentsCount, String summary, OffsetDateTime compiledAt, String compiledBy,
                           OffsetDateTime createdAt, String createdBy) {

    public static final String SCOPE_DEPARTMENT = "DEPARTMENT";
    public static final String SCOPE_NATIONAL = "NATIONAL";

    @JsonIgnore
    public boolean isNational() {
        return SCOPE_NATIONAL.equals(scope);
    }
}
