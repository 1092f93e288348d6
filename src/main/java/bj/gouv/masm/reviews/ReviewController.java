package bj.gouv.masm.reviews;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Half-year opening, departmental reviews and their reports. */
@RestController
@RequestMapping("/api/reviews")
public class ReviewController {

    private final HalfYearOpeningService openingService;
    private final DepartmentalReviewService reviews;
    private final NationalReportService nationalReports;
    private final RecommendationService recommendations;
    private final ReviewReportExporter exporter;

    public ReviewController(HalfYearOpeningService openingService, DepartmentalReviewService reviews,
                            NationalReportService nationalReports, RecommendationService recommendations,
                            ReviewReportExporter exporter) {
        this.exporter = exporter;
        this.openingService = openingService;
        this.reviews = reviews;
        this.nationalReports = nationalReports;
        this.recommendations = recommendations;
    }

    /** DPAF/admin: opens the half-year's twelve reviews unless already open (201 opened, 200 already open). */
    @PostMapping("/half-years/{halfYear}/open")
    public ResponseEntity<HalfYearOpeningService.OpeningResult> open(@PathVariable String halfYear) {
        HalfYearOpeningService.OpeningResult result = openingService.openByHand(halfYear);
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    /** A departmental review ({@code BORGOU_2026-S1}) with its report, or a national report ({@code 2026-S1}). */
    @GetMapping("/{key}")
    public Map<String, Object> get(@PathVariable String key) {
        if (HalfYear.isKey(key)) {
            ReviewReport report = nationalReports.get(HalfYear.parse(key));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("halfYear", key);
            body.put("report", report);
            return body;
        }
        DepartmentalReview review = reviews.getVisible(key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("businessKey", review.getBusinessKey());
        body.put("department", review.getDepartment());
        body.put("halfYear", review.getHalfYearKey());
        body.put("status", review.getStatus());
        body.put("deadline", review.getDeadline());
        body.put("plannedOn", review.getPlannedOn());
        body.put("venue", review.getVenue());
        body.put("invitedPartnerIds", reviews.invitees(review.getId()));
        body.put("heldOn", review.getHeldOn());
        body.put("minutes", review.getMinutes());
        body.put("participantsCount", review.getParticipantsCount());
        body.put("escalatedAt", review.getEscalatedAt());
        body.put("dpafCopyAt", review.getDpafCopyAt());
        body.put("report", reviews.reportOf(review));
        List<RecommendationView> recs = recommendations.search(null, null, null, review.getBusinessKey(), 0, 200)
                .getContent().stream().map(RecommendationView::of).toList();
        body.put("recommendations", recs);
        body.put("notifications", reviews.notificationsOf(review.getBusinessKey()));
        return body;
    }

    /** The departmental reviews of a half-year the caller may see (DPAF: all twelve), with their progress. */
    @GetMapping
    public List<Map<String, Object>> list(@org.springframework.web.bind.annotation.RequestParam String halfYear) {
        return reviews.visibleReviewsOf(HalfYear.parse(halfYear)).stream().map(review -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("businessKey", review.getBusinessKey());
            row.put("department", review.getDepartment());
            row.put("status", review.getStatus());
            row.put("deadline", review.getDeadline());
            row.put("plannedOn", review.getPlannedOn());
            row.put("heldOn", review.getHeldOn());
            row.put("escalatedAt", review.getEscalatedAt());
            row.put("dpafCopyAt", review.getDpafCopyAt());
            return row;
        }).toList();
    }

    /** The report as CSV (semicolon-separated, UTF-8 with BOM). */
    @GetMapping("/{key}/report.csv")
    public ResponseEntity<String> csv(@PathVariable String key) {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"revue-" + key + ".csv\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(exporter.csv(key));
    }

    /** A printable HTML summary for the meeting (print it, or save it as PDF from the browser). */
    @GetMapping("/{key}/report.html")
    public ResponseEntity<String> html(@PathVariable String key) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body(exporter.html(key));
    }
}
