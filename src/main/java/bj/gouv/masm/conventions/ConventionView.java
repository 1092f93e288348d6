package bj.gouv.masm.conventions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** A convention in our API (docs/contract.md: number, partnerId, status, dates, renewalOf; and more). */
public record ConventionView(String number, Long partnerId, String department, String dossierReference,
                             ConventionStatus status, LocalDate signedOn, int durationMonths, LocalDate startDate,
                             LocalDate endDate, LocalDate midTermDate, LocalDate finalEvaluationDate, String renewalOf,
                             String partnerSignatory, Set<String> domains, String obligations,
                             String monitoringArrangement, String renewalConditions, String accompaniment,
                             String accountability, String closedReason, List<StatusLine> statusHistory,
                             List<EvaluationLine> evaluations) {

    public record StatusLine(OffsetDateTime changedAt, String changedBy, String from, String to, String reason) {
    }

    public record EvaluationLine(String kind, String rating, String recommendations, Boolean renewalRequested,
                                 OffsetDateTime evaluatedAt, String evaluatedBy) {
    }

    public static ConventionView summary(Convention c) {
        return of(c, null, null);
    }

    public static ConventionView of(Convention c, List<ConventionStatusChange> history,
                                    List<ConventionEvaluation> evaluations) {
        return new ConventionView(c.getNumber(), c.getPartnerId(), c.getDepartment(), c.getDossierReference(),
                c.getStatus(), c.getSignedOn(), c.getDurationMonths(), c.getStartDate(), c.getEndDate(),
                c.getMidTermDate(), c.getFinalEvaluationDate(), c.getRenewalOf(), c.getPartnerSignatory(),
                Set.copyOf(c.getDomains()), c.getObligations(), c.getMonitoringArrangement(), c.getRenewalConditions(),
                c.getAccompaniment(), c.getAccountability(), c.getClosedReason(),
                history == null ? null : history.stream().map(h -> new StatusLine(h.getChangedAt(), h.getChangedBy(),
                        h.getFromStatus(), h.getToStatus(), h.getReason())).toList(),
                evaluations == null ? null : evaluations.stream().map(e -> new EvaluationLine(e.getKind(), e.getRating(),
                        e.getRecommendations(), e.getRenewalRequested(), e.getEvaluatedAt(), e.getEvaluatedBy())).toList());
    }
}
