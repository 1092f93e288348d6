package bj.gouv.masm.reporting;

import java.time.LocalDate;

/**
 * One activity carried out in the quarter, as the CPS clerk enters it (form dynamic list
 * {@code activities} or {@code POST /api/reports/<key>/activities}).
 */
public record ActivityInput(String department, String commune, String domain, String targetGroup, String description,
                            LocalDate startDate, LocalDate endDate, Long budgetXof, Long beneficiaries) {
}
