package bj.gouv.masm.dashboard;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.PageResponse;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Overlapping activities of different partners, for DPAF review. */
@RestController
@RequestMapping("/api/overlaps")
@RequiredArgsConstructor
public class OverlapController {

    private final OverlapService service;
    private final AccessScope scope;

    @GetMapping
    public PageResponse<OverlapService.OverlapView> list(@RequestParam(required = false) String status,
                                                         @RequestParam(defaultValue = "0") int page,
                                                         @RequestParam(defaultValue = "20") int size) {
        return service.list(parseStatus(status), page, size);
    }

    public record ReviewRequest(String decision, String reason) {
    }

    @PostMapping("/{id}/review")
    public OverlapService.OverlapView review(@PathVariable Long id, @RequestBody ReviewRequest request) {
        return service.review(id, request.decision(), request.reason());
    }

    /** Runs the detection now (it also runs periodically); DPAF and administrators. */
    @PostMapping("/detect")
    public Map<String, Integer> detect() {
        if (!scope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Seule la DPAF peut lancer la détection");
        }
        return Map.of("created", service.detect());
    }

    public static OverlapStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OverlapStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Statut inconnu : " + status
                    + " (OPEN, REVIEWED_COMPLEMENTARY, REVIEWED_DUPLICATE)");
        }
    }
}
