package bj.gouv.masm.reporting;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Opening a quarter by hand (DPAF, admin) and the compliance figures. */
@RestController
@RequestMapping("/api/reporting")
@RequiredArgsConstructor
public class ReportingController {

    private final QuarterOpeningService openingService;
    private final ComplianceService complianceService;
    private final AccessScope accessScope;

    /** Opens the reports of a quarter, e.g. after downtime; never opens a report twice. */
    @PostMapping("/quarters/{quarter}/open")
    public QuarterOpeningService.OpeningResult open(@PathVariable String quarter) {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Seuls la DPAF et l'administrateur ouvrent un trimestre");
        }
        return openingService.openQuarter(Quarter.parse(quarter));
    }

    @GetMapping("/compliance")
    public ComplianceService.ComplianceReport compliance(@RequestParam(required = false) Integer year,
                                                         @RequestParam(required = false) Integer quarter,
                                                         @RequestParam(required = false) String department) {
        return complianceService.compliance(year, quarter, department);
    }
}
