package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.EngineCalls;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a half-year of reviews. There is one mechanism: a {@code ReviewCalendar} instance (business
 * key = the half-year) registers the half-year in review_half_year (unique key) and starts the twelve
 * departmental reviews. The timer starts it in June and December; DPAF starts it by hand through the
 * API. Whoever comes second finds the half-year registered and opens nothing.
 */
@Service
@RequiredArgsConstructor
public class HalfYearOpeningService {

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;
    private final DepartmentalReviewRepository reviews;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record OpeningResult(String halfYear, boolean created, String processInstanceId, List<String> reviews) {
    }

    /** The half-year a calendar run opens: the one containing today (June → S1, December → S2). */
    public HalfYear currentHalfYear() {
        return currentPeriod(ReviewCadence.HALF_YEARLY);
    }

    /** The period of the model's cadence containing today (quarterly: September → Q3). */
    public HalfYear currentPeriod(ReviewCadence cadence) {
        return HalfYear.containing(LocalDate.now(clock), cadence);
    }

    /**
     * Registers the half-year for the calendar instance; false if it was already registered (then the
     * instance opens nothing).
     */
    @Transactional
    public boolean register(HalfYear halfYear, String processInstanceId) {
        Integer existing = jdbc.queryForObject("select count(*) from review_half_year where half_year_key = ?",
                Integer.class, halfYear.toString());
        if (existing != null && existing > 0) {
            auditTrail.record("ReviewHalfYear", halfYear.toString(), "ALREADY_OPEN", "Semestre déjà ouvert : rien de nouveau");
            return false;
        }
        jdbc.update("insert into review_half_year (half_year_key, review_year, semester, period_start, period_end, "
                        + "process_instance_id, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                halfYear.toString(), halfYear.year(), halfYear.semester(), Date.valueOf(halfYear.start()),
                Date.valueOf(halfYear.end()), processInstanceId, OffsetDateTime.now(clock), currentActor.userId());
        auditTrail.record("ReviewHalfYear", halfYear.toString(), "OPENED", "Revues départementales ouvertes");
        return true;
    }

    /** By hand (DPAF, admin): starts the calendar instance of the half-year unless it is already open. */
    @Transactional
    public OpeningResult openByHand(String halfYearKey) {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Seules la DPAF et l'administration peuvent ouvrir un semestre");
        }
        HalfYear halfYear = HalfYear.parse(halfYearKey);
        if (halfYear.start().isAfter(LocalDate.now(clock))) {
            throw ApiException.badRequest("Le semestre " + halfYear + " n'a pas encore commencé (début le "
                    + halfYear.start() + ")");
        }
        List<Map<String, Object>> existing = jdbc.queryForList(
                "select process_instance_id from review_half_year where half_year_key = ?", halfYear.toString());
        if (!existing.isEmpty()) {
            return new OpeningResult(halfYear.toString(), false, (String) existing.get(0).get("process_instance_id"),
                    reviewKeys(halfYear));
        }
        ProcessInstance instance = engineCalls.asSystem(() -> runtimeService.startProcessInstanceByMessage(
                ReviewVariables.MESSAGE_OPEN_HALF_YEAR, halfYear.toString(),
                Map.of(ReviewVariables.HALF_YEAR, halfYear.toString())));
        return new OpeningResult(halfYear.toString(), true, instance.getId(), reviewKeys(halfYear));
    }

    private List<String> reviewKeys(HalfYear halfYear) {
        return reviews.findByHalfYearKeyOrderByDepartment(halfYear.toString()).stream()
                .map(DepartmentalReview::getBusinessKey).toList();
    }
}
