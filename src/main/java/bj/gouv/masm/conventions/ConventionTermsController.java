package bj.gouv.masm.conventions;

import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DPAF decisions on a convention in force (README, « Convention lifecycle »): extension, suspension and its
 * lifting, termination. Each answers the convention as GET /api/conventions/{number} does.
 * 400 missing reason or bad date, 403 not DPAF/admin, 404 unknown number, 409 status does not allow it.
 */
@RestController
@RequestMapping("/api/conventions/{number}")
@RequiredArgsConstructor
public class ConventionTermsController {

    private final ConventionTermsService terms;
    private final ConventionViews views;

    public record ExtensionRequest(LocalDate newEndDate, String reason) {
    }

    public record ReasonRequest(String reason) {
    }

    @PostMapping("/extension")
    public ConventionView extend(@PathVariable String number, @RequestBody(required = false) ExtensionRequest body) {
        ExtensionRequest request = body == null ? new ExtensionRequest(null, null) : body;
        return views.decide(() -> terms.extend(number, request.newEndDate(), request.reason()));
    }

    @PostMapping("/suspension")
    public ConventionView suspend(@PathVariable String number, @RequestBody(required = false) ReasonRequest body) {
        return views.decide(() -> terms.suspend(number, body == null ? null : body.reason()));
    }

    @DeleteMapping("/suspension")
    public ConventionView liftSuspension(@PathVariable String number,
                                         @RequestBody(required = false) ReasonRequest body) {
        return views.decide(() -> terms.liftSuspension(number, body == null ? null : body.reason()));
    }

    @PostMapping("/termination")
    public ConventionView terminate(@PathVariable String number, @RequestBody(required = false) ReasonRequest body) {
        return views.decide(() -> terms.terminate(number, body == null ? null : body.reason()));
    }
}
