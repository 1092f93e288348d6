package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The national half-year report: the twelve departmental reports merged, then DPAF's synthesis. */
@Service
@RequiredArgsConstructor
public class NationalReportService {

    private final ReviewReportStore reports;
    private final DepartmentalConsolidation consolidation;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    /**
     * Merges the departmental reports of the half-year, as held (frozen when each review was held): reports, activities, beneficiaries, budget and
     * sanctions are summed (each belongs to one department), conventions and partners in force are
     * counted once nationally. Idempotent: an existing national report is kept.
     */
    @Transactional
    public ReviewReport merge(HalfYear halfYear) {
        var existing = reports.find(ReviewReport.SCOPE_NATIONAL, halfYear.toString());
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, ReviewFigures> byDepartment = new LinkedHashMap<>();
        java.util.List<java.util.List<ReviewQuarter>> quarters = new java.util.ArrayList<>();
        for (ReviewReport report : reports.departmentalReportsOf(halfYear)) {
            if (!report.isFrozen()) {
                // a review neither held nor closed yet: its latest figures (held ones are merged as discussed)
                reports.refresh(report.id(), consolidation.consolidate(report.department(), halfYear),
                        consolidation.quarters(report.department(), halfYear), OffsetDateTime.now(clock));
                report = reports.findById(report.id()).orElseThrow();
            }
            byDepartment.put(report.department(), report.figures());
            quarters.add(report.quarters());
        }
        // sums of the departmental reports, except conventions and partners: counted once nationally
        int[] conventions = consolidation.nationalConventions(halfYear);
        ReviewFigures national = ReviewFigures.merge(byDepartment).withConventions(conventions[0], conventions[1]);
        long id = reports.insert(ReviewReport.SCOPE_NATIONAL, halfYear.toString(), null, halfYear, national,
                ReviewQuarter.sum(quarters), byDepartment.size(), OffsetDateTime.now(clock), currentActor.userId());
        reports.freeze(id, OffsetDateTime.now(clock));
        auditTrail.record("NationalReport", halfYear.toString(), "MERGED",
                byDepartment.size() + " rapport(s) départemental(aux) compilé(s)");
        return reports.findById(id).orElseThrow();
    }

    /** DPAF's synthesis completes the national report. */
    @Transactional
    public void compile(long reportId, String summary) {
        ReviewReport report = reports.findById(reportId)
                .orElseThrow(() -> new ReviewFormException("Rapport national introuvable : " + reportId));
        reports.compile(reportId, summary, OffsetDateTime.now(clock), currentActor.userId());
        auditTrail.record("NationalReport", report.reportKey(), "COMPILED", "Synthèse nationale enregistrée");
    }

    @Transactional(readOnly = true)
    public ReviewReport get(HalfYear halfYear) {
        return reports.find(ReviewReport.SCOPE_NATIONAL, halfYear.toString())
                .orElseThrow(() -> ApiException.notFound("Rapport national introuvable : " + halfYear));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<ReviewReport> find(HalfYear halfYear) {
        return reports.find(ReviewReport.SCOPE_NATIONAL, halfYear.toString());
    }
}
