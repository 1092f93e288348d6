package bj.gouv.masm.reporting;

import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** DPAF's view of the departments' work: regularisation cases and refused CPS support requests. */
@RestController
@RequiredArgsConstructor
public class CentralOversightController {

    private final CentralOversight oversight;

    @GetMapping("/api/regularisations")
    public List<Map<String, Object>> regularisations(@RequestParam(required = false) String department,
                                                     @RequestParam(required = false) String status) {
        return oversight.regularisations(department, status);
    }

    @GetMapping("/api/cps-support/refusals")
    public List<Map<String, Object>> refusals(@RequestParam(required = false) String department) {
        return oversight.refusals(department);
    }
}
