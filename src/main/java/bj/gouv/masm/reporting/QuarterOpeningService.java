package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.EngineCalls;
import static bj.gouv.masm.reporting.ReportingVariables.*;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionService;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens the quarterly reports of a quarter: one {@code QuarterlyReport} instance per OSC convention
 * that ran during the quarter. Used by the ReportingCalendar timer and by DPAF by hand; idempotent
 * (checked before starting, and the unique business key of quarterly_report guards races).
 */
@Service
@RequiredArgsConstructor
public class QuarterOpeningService {

    private static final Logger log = LoggerFactory.getLogger(QuarterOpeningService.class);

    private final ConventionRepository conventions;
    private final PartnerRepository partners;
    private final QuarterlyReportRepository reports;
    private final IndicatorCatalogue catalogue;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record OpeningResult(String quarter, List<String> opened, List<String> alreadyOpen, List<String> skipped) {
    }

    /** The quarter the calendar closes today. */
    public Quarter quarterEndedToday() {
        return Quarter.lastEndedOn(LocalDate.now(clock));
    }

    @Transactional
    public OpeningResult openQuarter(Quarter quarter) {
        if (quarter.end().isAfter(LocalDate.now(clock))) {
            throw ApiException.badRequest("Le trimestre " + quarter + " n'est pas terminé (fin le " + quarter.end() + ")");
        }
        List<String> opened = new ArrayList<>();
        List<String> alreadyOpen = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Convention> candidates = conventions.findByStatusIn(EnumSet.of(ConventionStatus.ACTIVE, ConventionStatus.EXPIRED))
                .stream().sorted(Comparator.comparing(Convention::getNumber)).toList();
        for (Convention convention : candidates) {
            if (!mustReport(convention, quarter)) {
                continue;
            }
            Partner partner = partners.findById(convention.getPartnerId()).orElse(null);
            if (partner == null || partner.getKind() != PartnerKind.OSC) {
                continue;
            }
            String key = QuarterlyReport.businessKey(convention.getNumber(), quarter);
            if (reports.existsByBusinessKey(key)) {
                alreadyOpen.add(key);
                continue;
            }
            String department = convention.getDepartment() != null ? convention.getDepartment() : partner.followingDepartment();
            if (department == null) {
                log.warn("Convention {} has no department: no CPS to collect its report of {}", convention.getNumber(), quarter);
                skipped.add(key + " : aucun département (CPS) pour la convention");
                continue;
            }
            open(convention, partner, department, quarter);
            opened.add(key);
        }
        auditTrail.record("ReportingQuarter", quarter.toString(), "OPENED",
                opened.size() + " rapport(s) ouvert(s), " + alreadyOpen.size() + " déjà ouvert(s)");
        log.info("Quarter {} opened: {} new report(s), {} already open, {} skipped", quarter, opened.size(),
                alreadyOpen.size(), skipped.size());
        return new OpeningResult(quarter.toString(), opened, alreadyOpen, skipped);
    }

    /**
     * An OSC convention reports for every quarter it ran in: signed mid-quarter reports from that
     * quarter; an expired one reports up to the quarter of its end date, then stops; revoked, renewed
     * (the new convention reports) and suspended ones do not report.
     */
    static boolean mustReport(Convention convention, Quarter quarter) {
        return ConventionService.reportsDuring(convention, quarter.start(), quarter.end());
    }

    private void open(Convention convention, Partner partner, String department, Quarter quarter) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuarterlyReport report = new QuarterlyReport(convention.getNumber(), convention.getId(), partner.getId(),
                department, quarter, catalogue.expectedCount());
        report.touch(currentActor.userId(), now);
        reports.saveAndFlush(report);

        Map<String, Object> variables = new HashMap<>();
        variables.put(DEPARTMENT, department);
        variables.put(CONVENTION_NUMBER, convention.getNumber());
        variables.put(PARTNER_ID, partner.getId());
        variables.put(PARTNER_NAME, partner.getName());
        variables.put(QUARTER, quarter.toString());
        variables.put(INDICATORS_EXPECTED, report.getIndicatorsExpected());
        variables.put(INDICATORS_REPORTED, 0);
        variables.put(ACTIVITIES_RECORDED, 0);
        ProcessInstance instance = engineCalls.asSystem(() ->
                runtimeService.startProcessInstanceByKey(REPORT_PROCESS, report.getBusinessKey(), variables));
        report.setProcessInstanceId(instance.getId());
        auditTrail.record("QuarterlyReport", report.getBusinessKey(), "OPENED", "Rapport trimestriel ouvert");
    }
}
