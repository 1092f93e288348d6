package bj.gouv.masm.exports;

import bj.gouv.masm.dashboard.DashboardFilter;
import bj.gouv.masm.dashboard.DashboardScope;
import bj.gouv.masm.dashboard.DashboardTables;
import bj.gouv.masm.dashboard.OverlapController;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.TableData;
import bj.gouv.masm.shared.TableExporter;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports for scripts and integrators (HTTP basic): the dashboard's lists as CSV or Excel, and the
 * conventions with their activities as IATI 2.03 XML. The dashboard links to the same exports under
 * /dashboard (usable with the Camunda webapp session).
 */
@RestController
@RequiredArgsConstructor
public class ExportController {

    private final IatiActivityExporter iati;
    private final DashboardTables tables;
    private final DashboardScope scope;
    private final TableExporter exporter;

    @GetMapping(value = {"/api/exports/iati/activities.xml", "/dashboard/iati/activities.xml"},
            produces = MediaType.APPLICATION_XML_VALUE)
    public ResponseEntity<byte[]> iatiActivities() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("Content-Disposition", "inline; filename=\"masm-iati-activities.xml\"")
                .body(iati.export());
    }

    /** {@code /api/exports/partners.csv}, {@code /api/exports/matrix.xlsx}, ... with the dashboard's filters. */
    @GetMapping("/api/exports/{list}.{format}")
    public ResponseEntity<byte[]> list(@PathVariable String list, @PathVariable String format,
                                       @RequestParam(required = false) String department,
                                       @RequestParam(required = false) String domain,
                                       @RequestParam(required = false) String kind,
                                       @RequestParam(required = false) String subSector,
                                       @RequestParam(required = false) String targetGroup,
                                       @RequestParam(required = false) String convention,
                                       @RequestParam(required = false) Boolean nationwide,
                                       @RequestParam(required = false) String period,
                                       @RequestParam(required = false) String status) {
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw ApiException.notFound("Format inconnu : " + format + " (csv ou xlsx)");
        }
        DashboardFilter filter = scope.apply(new DashboardFilter(department, domain, kind, subSector, targetGroup,
                convention, nationwide, period));
        TableData table = switch (list) {
            case "partners" -> tables.partners(filter);
            case "matrix" -> tables.matrix(filter);
            case "compliance" -> tables.compliance(filter);
            case "overlaps" -> tables.overlaps(OverlapController.parseStatus(status));
            default -> throw ApiException.notFound("Liste inconnue : " + list
                    + " (partners, matrix, compliance, overlaps)");
        };
        return exporter.download(table, format);
    }
}
