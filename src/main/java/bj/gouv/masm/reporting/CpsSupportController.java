package bj.gouv.masm.reporting;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Records CPS support to a partner's activity; refused (409) for a partner without a convention in force. */
@RestController
@RequestMapping("/api/cps-support")
@RequiredArgsConstructor
public class CpsSupportController {

    private final CpsSupportService service;
    private final CentralOversight oversight;

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CpsSupportService.Support record(@RequestBody CpsSupportService.SupportRequest request) {
        try {
            return service.record(request);
        } catch (bj.gouv.masm.shared.ApiException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                // refused: kept for DPAF (GET /api/cps-support/refusals), the request itself is not recorded
                oversight.recordRefusal(request, e.getMessage());
            }
            throw e;
        }
    }

    @GetMapping
    public List<CpsSupportService.Support> list(@RequestParam Long partnerId) {
        return service.ofPartner(partnerId);
    }
}
