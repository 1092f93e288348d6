package bj.gouv.masm.reporting;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rules of a quarterly report: receipt and timeliness, missed deadline, history for the sanction, decisions. */
@Service
@RequiredArgsConstructor
public class QuarterlyReportService {

    private final QuarterlyReportRepository reports;
    private final PartnerRepository partners;
    private final ReportActivityService activities;
    private final IndicatorValueService indicatorValues;
    private final ReportingNotifications notifications;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** What the clerk submits with Task_RecordQuarterlyReport. */
    public record ReportForm(Boolean received, String activitiesSummary, Long beneficiariesReached,
                             Map<String, Long> beneficiariesByTargetGroup, List<ActivityInput> activities) {
    }

    /** The partner's reporting record up to this quarter, as the AccreditationSanction decision needs it. */
    public record Assessment(int consecutiveMissedQuarters, int consecutiveIncompleteQuarters, int indicatorsReported,
                             int indicatorsExpected, String missedQuarters) {
    }

    public QuarterlyReport get(String businessKey) {
        return reports.findByBusinessKey(businessKey)
                .orElseThrow(() -> ApiException.notFound("Rapport trimestriel inconnu : " + businessKey));
    }

    /** For the API: a report of a department the caller may not see does not exist for them (404). */
    public QuarterlyReport getVisible(String businessKey) {
        QuarterlyReport report = get(businessKey);
        if (!accessScope.canSeeDepartment(report.getDepartment())) {
            throw ApiException.notFound("Rapport trimestriel inconnu : " + businessKey);
        }
        return report;
    }

    /** For the API: the caller may change the report (its CPS, DPAF, OFFE, admin) and it is still open. */
    public QuarterlyReport getWritable(String businessKey) {
        QuarterlyReport report = getVisible(businessKey);
        if (accessScope.isReadOnly()) {
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "Accès en lecture seule");
        }
        // indicator values and activities: the report's CPS, DPAF, OFFE or an administrator only (not SGM, cabinet)
        accessScope.requireAnyGroup(bj.gouv.masm.security.Groups.DPAF, bj.gouv.masm.security.Groups.OFFE,
                bj.gouv.masm.security.Groups.cps(report.getDepartment()));
        if (report.getStatus() != ReportStatus.OPEN) {
            throw ApiException.conflict("Le rapport " + businessKey + " est clos (" + report.getStatus() + ") : plus de saisie possible");
        }
        return report;
    }

    @Transactional
    public QuarterlyReport recordReport(String businessKey, ReportForm form, Date dueDate) {
        QuarterlyReport report = get(businessKey);
        if (report.getStatus() != ReportStatus.OPEN) {
            throw new ReportingFormException("Le rapport " + businessKey + " est déjà clos (" + report.getStatus() + ")");
        }
        List<String> errors = new ArrayList<>();
        if (form.received() == null) {
            throw new ReportingFormException("Indiquez si le rapport trimestriel a été reçu.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!form.received()) {
            report.missed(now);
            report.setIndicatorsReported(indicatorValues.count(report.getId()));
            report.touch(currentActor.userId(), now);
            auditTrail.record("QuarterlyReport", businessKey, "NOT_RECEIVED", "Rapport non reçu : trimestre manqué");
            return report;
        }
        if (form.activitiesSummary() == null || form.activitiesSummary().isBlank()) {
            errors.add("Résumez les activités réalisées.");
        }
        Map<String, Long> byGroup = new TreeMap<>();
        form.beneficiariesByTargetGroup().forEach((group, count) -> {
            if (count != null) {
                if (count < 0) {
                    errors.add("Bénéficiaires (" + group + ") : le nombre ne peut être négatif.");
                }
                byGroup.put(group, count);
            }
        });
        Long total = form.beneficiariesReached();
        if (!byGroup.isEmpty()) {
            long sum = byGroup.values().stream().mapToLong(Long::longValue).sum();
            if (total != null && total != sum) {
                errors.add("Le total des bénéficiaires (" + total + ") ne correspond pas à la somme par groupe cible (" + sum + ").");
            }
            total = sum;
        } else if (total == null) {
            errors.add("Indiquez les bénéficiaires atteints par groupe cible.");
        } else if (total < 0) {
            errors.add("Le nombre de bénéficiaires ne peut être négatif.");
        }
        errors.addAll(activities.validate(report, form.activities()));
        if (!errors.isEmpty()) {
            throw new ReportingFormException("Rapport incomplet ou invalide : " + String.join(" ", errors));
        }
        activities.add(report, form.activities());
        Timeliness timeliness = dueDate == null || !now.toInstant().isAfter(dueDate.toInstant()) ? Timeliness.ON_TIME : Timeliness.LATE;
        report.received(timeliness, form.activitiesSummary().trim(), total, byGroup, now);
        report.setIndicatorsReported(indicatorValues.count(report.getId()));
        report.touch(currentActor.userId(), now);
        auditTrail.record("QuarterlyReport", businessKey, "RECEIVED", "Rapport reçu (" + timeliness + ")");
        return report;
    }

    /** The reporting deadline passed with no report recorded. */
    @Transactional
    public QuarterlyReport markMissed(String businessKey) {
        QuarterlyReport report = get(businessKey);
        if (report.getStatus() == ReportStatus.OPEN) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            report.missed(now);
            report.setIndicatorsReported(indicatorValues.count(report.getId()));
            report.touch(currentActor.userId(), now);
            auditTrail.record("QuarterlyReport", businessKey, "MISSED", "Délai de rapport dépassé");
        }
        return report;
    }

    /**
     * Consecutive missed quarters and consecutive quarters with incomplete indicators (a missed
     * quarter reports no indicator, so it is incomplete too), counting back from this report.
     */
    @Transactional
    public Assessment assess(String businessKey) {
        QuarterlyReport report = get(businessKey);
        List<QuarterlyReport> history = reports.historyOf(report.getPartnerId(), report.getYear(), report.getQuarter());
        int missed = 0;
        boolean missedStreak = true;
        int incomplete = 0;
        List<String> streak = new ArrayList<>();
        for (QuarterlyReport r : history) {
            if (r.getStatus() == ReportStatus.OPEN) {
                break;
            }
            boolean isMissed = r.getStatus() == ReportStatus.MISSED;
            missedStreak = missedStreak && isMissed;
            if (missedStreak) {
                missed++;
            }
            if (!(isMissed || r.isIncomplete())) {
                break;
            }
            incomplete++;
            streak.add(r.quarterValue() + (isMissed ? " (manqué)" : " (indicateurs incomplets : "
                    + r.getIndicatorsReported() + "/" + r.getIndicatorsExpected() + ")"));
        }
        report.assessed(missed, incomplete);
        java.util.Collections.reverse(streak);
        return new Assessment(missed, incomplete, report.getIndicatorsReported(), report.getIndicatorsExpected(),
                String.join(", ", streak));
    }

    @Transactional
    public void recordSanction(String businessKey, Sanction sanction) {
        QuarterlyReport report = get(businessKey);
        report.setSanction(sanction);
        report.touch(currentActor.userId(), OffsetDateTime.now(clock));
        auditTrail.record("QuarterlyReport", businessKey, "SANCTION_" + sanction, "Décision AccreditationSanction : " + sanction);
    }

    /** WARNING: the partner's contact is told, in French, what is missing and what happens next. */
    @Transactional
    public void warnPartner(String businessKey) {
        QuarterlyReport report = get(businessKey);
        Partner partner = partners.findById(report.getPartnerId()).orElseThrow();
        String what = report.getStatus() == ReportStatus.MISSED
                ? "nous n'avons pas reçu votre rapport trimestriel d'activités pour le trimestre " + report.quarterValue()
                : "votre rapport du trimestre " + report.quarterValue() + " ne renseigne que " + report.getIndicatorsReported()
                  + " indicateur(s) SIDoFFE sur " + report.getIndicatorsExpected();
        String body = "Madame, Monsieur,\n\n"
                + "Au titre de la convention " + report.getConventionNumber() + " liant " + partner.getName()
                + " au Ministère des Affaires Sociales et de la Microfinance, " + what + ".\n\n"
                + "Nous vous invitons à transmettre sans délai au Centre de Promotion Sociale de votre département "
                + "toutes les informations sur vos activités de terrain et les indicateurs SIDoFFE. "
                + "Conformément au document cadre de coopération, un nouveau manquement au trimestre suivant "
                + "peut conduire au retrait de votre agrément.\n\n"
                + "Veuillez agréer nos salutations distinguées.\nLe Ministère des Affaires Sociales et de la Microfinance";
        notifications.notifyPartner(partner.getId(), ReportingNotifications.WARNING,
                "Avertissement : rapport trimestriel " + report.quarterValue() + " — convention " + report.getConventionNumber(),
                body, businessKey);
        auditTrail.record("QuarterlyReport", businessKey, "PARTNER_WARNED", "Avertissement adressé au partenaire");
    }

    /** Records DPAF's decision; declining needs a reason. */
    @Transactional
    public QuarterlyReport recordRevocationDecision(String businessKey, Boolean confirmed, String reason) {
        if (confirmed == null) {
            throw new ReportingFormException("Indiquez si le retrait de l'agrément est confirmé.");
        }
        String trimmed = reason == null ? null : reason.trim();
        if (!confirmed && (trimmed == null || trimmed.isEmpty())) {
            throw new ReportingFormException("Le motif est obligatoire pour refuser le retrait de l'agrément.");
        }
        QuarterlyReport report = get(businessKey);
        OffsetDateTime now = OffsetDateTime.now(clock);
        report.revocationDecided(confirmed, trimmed == null || trimmed.isEmpty() ? null : trimmed, currentActor.userId(), now);
        report.touch(currentActor.userId(), now);
        auditTrail.record("QuarterlyReport", businessKey, confirmed ? "REVOCATION_CONFIRMED" : "REVOCATION_DECLINED",
                trimmed);
        return report;
    }

    public List<QuarterlyReport> visibleReports(Integer year, Integer quarter, String department) {
        List<QuarterlyReport> all = year == null ? reports.findAll()
                : quarter == null ? reports.findByYear(year) : reports.findByYearAndQuarter(year, quarter);
        return all.stream()
                .filter(r -> department == null || department.equals(r.getDepartment()))
                .filter(r -> accessScope.canSeeDepartment(r.getDepartment()))
                .sorted(java.util.Comparator.comparing(QuarterlyReport::getBusinessKey))
                .collect(Collectors.toList());
    }
}
