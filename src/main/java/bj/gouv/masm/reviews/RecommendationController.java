package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.PageResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recommendations register. */
@RestController
@RequestMapping("/api/recommendations")
@RequiredArgsConstructor
public class RecommendationController {

    private final RecommendationService recommendations;

    @GetMapping
    public PageResponse<RecommendationView> search(@RequestParam(required = false) String status,
                                                   @RequestParam(required = false) String owner,
                                                   @RequestParam(required = false) String department,
                                                   @RequestParam(required = false) String source,
                                                   @RequestParam(defaultValue = "0") int page,
                                                   @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(recommendations.search(parseStatus(status), owner, department, source, page, size),
                RecommendationView::of);
    }

    @GetMapping("/{id}")
    public RecommendationView get(@PathVariable Long id) {
        return RecommendationView.of(recommendations.get(id));
    }

    /** Body: {@code {"status": "DROPPED", "reason": "...", "dueDate": "2027-03-31"}} (reason required when dropped). */
    public record StatusChange(String status, String reason, String dueDate) {
    }

    @PatchMapping("/{id}")
    public RecommendationView patch(@PathVariable Long id, @RequestBody StatusChange change) {
        return update(id, change);
    }

    @PostMapping("/{id}/status")
    public RecommendationView post(@PathVariable Long id, @RequestBody StatusChange change) {
        return update(id, change);
    }

    private RecommendationView update(Long id, StatusChange change) {
        RecommendationStatus status = parseStatus(change.status());
        if (status == null) {
            throw ApiException.badRequest("Le statut est obligatoire : OPEN, IN_PROGRESS, DONE ou DROPPED");
        }
        LocalDate dueDate = null;
        if (change.dueDate() != null && !change.dueDate().isBlank()) {
            try {
                dueDate = LocalDate.parse(change.dueDate().trim());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("Échéance invalide (AAAA-MM-JJ attendu) : " + change.dueDate());
            }
        }
        return RecommendationView.of(recommendations.updateStatusByApi(id, status, change.reason(), dueDate));
    }

    private static RecommendationStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RecommendationStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Statut inconnu : " + status + " (OPEN, IN_PROGRESS, DONE, DROPPED)");
        }
    }
}
