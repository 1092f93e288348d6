package bj.gouv.masm.reporting;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting compliance as DHIS2 computes it: expected reports (one per opened quarterly report),
 * actual reports (received, on time or late), reports on time, reporting rate = actual / expected,
 * reporting rate on time = on time / expected (fractions 0..1; 0 when nothing was expected).
 */
@Service
@RequiredArgsConstructor
public class ComplianceService {

    private final QuarterlyReportRepository reports;
    private final PartnerRepository partners;
    private final ReferenceDataService reference;
    private final AccessScope accessScope;
    private final Clock clock;

    public record Figures(long expectedReports, long actualReports, long reportsOnTime, double reportingRate,
                          double reportingRateOnTime) {

        static Figures of(List<QuarterlyReport> rows) {
            long expected = rows.size();
            long actual = rows.stream().filter(r -> r.getStatus() == ReportStatus.RECEIVED).count();
            long onTime = rows.stream().filter(r -> r.getTimeliness() == Timeliness.ON_TIME).count();
            return new Figures(expected, actual, onTime, rate(actual, expected), rate(onTime, expected));
        }

        private static double rate(long part, long whole) {
            return whole == 0 ? 0.0 : Math.round(part * 10000.0 / whole) / 10000.0;
        }
    }

    public record DepartmentCompliance(String department, String label, long expectedReports, long actualReports,
                                       long reportsOnTime, double reportingRate, double reportingRateOnTime) {
    }

    public record PartnerCompliance(Long partnerId, String partnerName, String department, long expectedReports,
                                    long actualReports, long reportsOnTime, double reportingRate,
                                    double reportingRateOnTime) {
    }

    public record QuarterCompliance(String quarter, long expectedReports, long actualReports, long reportsOnTime,
                                    double reportingRate, double reportingRateOnTime) {
    }

    public record ComplianceReport(int year, Integer quarter, String department, List<DepartmentCompliance> departments,
                                   Figures total, List<PartnerCompliance> partners, List<QuarterCompliance> quarters) {
    }

    @Transactional(readOnly = true)
    public ComplianceReport compliance(Integer year, Integer quarter, String department) {
        int y = year == null ? LocalDate.now(clock).getYear() : year;
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw ApiException.badRequest("Trimestre invalide : " + quarter + " (1 à 4)");
        }
        if (department != null && !reference.isValid(ReferenceCategory.DEPARTMENT, department)) {
            throw ApiException.badRequest("Département inconnu : " + department);
        }
        if (department != null && !accessScope.canSeeDepartment(department)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Département hors de votre périmètre : " + department);
        }
        List<String> departments = reference.list(ReferenceCategory.DEPARTMENT).stream()
                .map(i -> i.code())
                .filter(d -> department == null || d.equals(department))
                .filter(accessScope::canSeeDepartment)
                .toList();
        List<QuarterlyReport> rows = (quarter == null ? reports.findByYear(y) : reports.findByYearAndQuarter(y, quarter))
                .stream().filter(r -> departments.contains(r.getDepartment())).toList();

        Map<String, List<QuarterlyReport>> byDepartment = rows.stream()
                .collect(Collectors.groupingBy(QuarterlyReport::getDepartment));
        List<DepartmentCompliance> perDepartment = new ArrayList<>();
        for (String d : departments) {
            Figures f = Figures.of(byDepartment.getOrDefault(d, List.of()));
            perDepartment.add(new DepartmentCompliance(d, reference.label(ReferenceCategory.DEPARTMENT, d),
                    f.expectedReports(), f.actualReports(), f.reportsOnTime(), f.reportingRate(), f.reportingRateOnTime()));
        }

        Map<Long, List<QuarterlyReport>> byPartner = rows.stream()
                .collect(Collectors.groupingBy(QuarterlyReport::getPartnerId, TreeMap::new, Collectors.toList()));
        Map<Long, Partner> partnerById = partners.findAllById(byPartner.keySet()).stream()
                .collect(Collectors.toMap(Partner::getId, Function.identity()));
        List<PartnerCompliance> perPartner = new ArrayList<>();
        byPartner.forEach((id, list) -> {
            Figures f = Figures.of(list);
            Partner p = partnerById.get(id);
            perPartner.add(new PartnerCompliance(id, p == null ? null : p.getName(), list.get(0).getDepartment(),
                    f.expectedReports(), f.actualReports(), f.reportsOnTime(), f.reportingRate(), f.reportingRateOnTime()));
        });

        Map<String, List<QuarterlyReport>> byQuarter = new LinkedHashMap<>();
        for (int q = 1; q <= 4; q++) {
            if (quarter == null || quarter == q) {
                byQuarter.put(y + "-Q" + q, new ArrayList<>());
            }
        }
        rows.forEach(r -> byQuarter.get(r.quarterValue().toString()).add(r));
        List<QuarterCompliance> perQuarter = new ArrayList<>();
        byQuarter.forEach((q, list) -> {
            Figures f = Figures.of(list);
            perQuarter.add(new QuarterCompliance(q, f.expectedReports(), f.actualReports(), f.reportsOnTime(),
                    f.reportingRate(), f.reportingRateOnTime()));
        });
        return new ComplianceReport(y, quarter, department, perDepartment, Figures.of(rows), perPartner, perQuarter);
    }
}
