package bj.gouv.masm.reporting;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.shared.CurrentActor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities carried out by the partner in a quarter (table report_activity: what, where — department
 * and commune —, for whom, budget in XOF, beneficiaries). All or nothing: one bad row refuses the lot.
 */
@Service
@RequiredArgsConstructor
public class ReportActivityService {

    private final JdbcTemplate jdbc;
    private final ReferenceDataService reference;
    private final CommuneDirectory communes;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record Activity(Long id, String department, String commune, String domain, String targetGroup,
                           String description, LocalDate startDate, LocalDate endDate, long budgetXof, Long beneficiaries) {
    }

    /** French reasons, one per problem ("activité 2 : commune inconnue..."); empty when all are valid. */
    public List<String> validate(QuarterlyReport report, List<ActivityInput> activities) {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            ActivityInput a = activities.get(i);
            String p = "Activité " + (i + 1) + " : ";
            if (a == null) {
                errors.add(p + "vide");
                continue;
            }
            if (!reference.isValid(ReferenceCategory.DEPARTMENT, a.department())) {
                errors.add(p + "département inconnu « " + a.department() + " »");
            } else if (a.commune() != null && !a.commune().isBlank() && communes.resolve(a.department(), a.commune()).isEmpty()) {
                errors.add(p + "la commune « " + a.commune() + " » n'appartient pas au département " + a.department());
            }
            if (!reference.isValid(ReferenceCategory.DOMAIN, a.domain())) {
                errors.add(p + "domaine d'intervention inconnu « " + a.domain() + " »");
            }
            if (!reference.isValid(ReferenceCategory.TARGET_GROUP, a.targetGroup())) {
                errors.add(p + "groupe cible inconnu « " + a.targetGroup() + " »");
            }
            if (a.description() == null || a.description().isBlank()) {
                errors.add(p + "la description est obligatoire");
            }
            if (a.startDate() == null || a.endDate() == null) {
                errors.add(p + "les dates de début et de fin sont obligatoires");
            } else if (a.endDate().isBefore(a.startDate())) {
                errors.add(p + "la date de fin précède la date de début");
            } else if (!report.quarterValue().overlaps(a.startDate(), a.endDate())) {
                errors.add(p + "l'activité ne se déroule pas pendant le trimestre " + report.quarterValue());
            }
            if (a.budgetXof() == null || a.budgetXof() < 0) {
                errors.add(p + "le budget dépensé (XOF) est obligatoire et ne peut être négatif");
            }
            if (a.beneficiaries() != null && a.beneficiaries() < 0) {
                errors.add(p + "le nombre de bénéficiaires ne peut être négatif");
            }
        }
        return errors;
    }

    /** Stores valid activities (call validate first); returns the report's activity count. */
    @Transactional
    public int add(QuarterlyReport report, List<ActivityInput> activities) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ActivityInput a : activities) {
            String commune = a.commune() == null || a.commune().isBlank() ? null
                    : communes.resolve(a.department(), a.commune()).orElseThrow();
            jdbc.update("insert into report_activity (report_id, partner_id, department, commune, domain, target_group, "
                            + "description, start_date, end_date, budget_xof, beneficiaries, created_at, created_by) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    report.getId(), report.getPartnerId(), a.department(), commune, a.domain(), a.targetGroup(),
                    a.description().trim(), a.startDate(), a.endDate(), a.budgetXof(), a.beneficiaries(), now,
                    currentActor.userId());
        }
        return count(report.getId());
    }

    public int count(Long reportId) {
        Integer n = jdbc.queryForObject("select count(*) from report_activity where report_id = ?", Integer.class, reportId);
        return n == null ? 0 : n;
    }

    public List<Activity> list(Long reportId) {
        return jdbc.query("select id, department, commune, domain, target_group, description, start_date, end_date, "
                        + "budget_xof, beneficiaries from report_activity where report_id = ? order by id",
                (rs, n) -> new Activity(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getLong(9),
                        (Long) rs.getObject(10, Long.class)),
                reportId);
    }
}
