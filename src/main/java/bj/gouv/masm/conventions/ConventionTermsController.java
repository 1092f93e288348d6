package bj.gouv.masm.conventions;

import java.time.LocalDate;
import org.springframework.transaction.annotation.Transactional;
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
public class ConventionTermsController {

    private final ConventionTermsService terms;
    private final ConventionService service;

    public ConventionTermsController(ConventionTermsService terms, ConventionService service) {
        this.terms = terms;
        this.service = service;
    }

    public record ExtensionRequest(LocalDate newEndDate, String reason) {
    }

    public record ReasonRequest(String reason) {
    }

    @PostMapping("/extension")
    @Transactional
    public ConventionView extend(@PathVariable String number, @RequestBody(required = false) ExtensionRequest body) {
        ExtensionRequest request = body == null ? new ExtensionRequest(null, null) : body;
        return view(terms.extend(number, request.newEndDate(), request.reason()));
    }

    @PostMapping("/suspension")
    @Transactional
    public ConventionView suspend(@PathVariable String number, @RequestBody(required = false) ReasonRequest body) {
        return view(terms.suspend(number, body == null ? null : body.reason()));
    }

    @DeleteMapping("/suspension")
    @Transactional
    public ConventionView liftSuspension(@PathVariable String number,
                                         @RequestBody(required = false) ReasonRequest body) {
        return view(terms.liftSuspension(number, body == null ? null : body.reason()));
    }

    @PostMapping("/termination")
    @Transactional
    public ConventionView terminate(@PathVariable String number, @RequestBody(required = false) ReasonRequest body) {
        return view(terms.terminate(number, body == null ? null : body.reason()));
    }

    private ConventionView view(Convention convention) {
        return ConventionView.of(convention, service.historyOf(convention.getNumber()),
                service.evaluationsOf(convention.getNumber()));
    }
}
