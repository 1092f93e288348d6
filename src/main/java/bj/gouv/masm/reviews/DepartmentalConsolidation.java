package bj.gouv.masm.reviews;

import java.util.List;

/**
 * What a departmental or national review needs to know of the conventions in force and of the quarterly
 * reports of a half-year. The reviews own no convention or report table: the reporting feature answers
 * ({@code reporting.DepartmentalConsolidationQueries}, which also says what counts).
 */
public interface DepartmentalConsolidation {

    /** The figures of a department's half-year. */
    ReviewFigures consolidate(String department, HalfYear halfYear);

    /** The state of the reports of each quarter of the half-year in the department. */
    List<ReviewQuarter> quarters(String department, HalfYear halfYear);

    /** Conventions in force nationally during the half-year: {@code [conventions, partners]}. */
    int[] nationalConventions(HalfYear halfYear);

    /** Partners invited by default: every partner with an ACTIVE convention in force in the department. */
    List<Long> partnersWithActiveConvention(String department, HalfYear halfYear);
}
