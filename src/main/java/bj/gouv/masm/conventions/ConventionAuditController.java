package bj.gouv.masm.conventions;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit/conventions/{number}}: who did what on a convention, in time order ({@link WhoDidWhat}). */
@RestController
@RequestMapping("/api/audit")
@RequiredArgsConstructor
public class ConventionAuditController {

    private final WhoDidWhat whoDidWhat;

    @GetMapping("/conventions/{number}")
    public WhoDidWhat.Activity convention(@PathVariable String number) {
        return whoDidWhat.ofConvention(number);
    }
}
