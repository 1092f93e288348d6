package bj.gouv.masm.programmes;

import static bj.gouv.masm.programmes.ProgrammeVariables.*;

import bj.gouv.masm.reviews.RecommendationInput;
import bj.gouv.masm.reviews.RecommendationService;
import bj.gouv.masm.reviews.RecommendationSource;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.EngineCalls;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation of the programmes over five years old (decision of the Council of Ministers of 2 May 2018
 * cited by the framework, §5.5): once a year, every ACTIVE programme started at least five years ago gets a
 * ProgrammeEvaluation (business key PRG-&lt;id&gt;_&lt;YYYY&gt;), at most one per programme and year.
 */
@Service
@RequiredArgsConstructor
public class ProgrammeEvaluationService {

    /** Age from which a programme must be evaluated. */
    public static final int EVALUATION_AGE_YEARS = 5;
    /** Time DPAF has to evaluate, from the opening (the task's due date and the overdue timer). */
    public static final Period DEFAULT_EVALUATION_PERIOD = Period.ofDays(90);

    private final JdbcTemplate jdbc;
    private final ProgrammeService programmes;
    private final RecommendationService recommendations;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record OpeningResult(int year, List<String> opened, List<String> alreadyOpen) {
    }

    public static String businessKey(Long programmeId, int year) {
        return "PRG-" + programmeId + "_" + year;
    }

    /** By hand (DPAF, admin): the current year's evaluations, idempotent. */
    @Transactional
    public OpeningResult openByHand() {
        programmes.requireWriter();
        return openDue(LocalDate.now(clock).getYear(), DEFAULT_EVALUATION_PERIOD);
    }

    @Transactional
    public OpeningResult openDue(int year, Period evaluationPeriod) {
        LocalDate today = LocalDate.now(clock);
        if (year > today.getYear()) {
            throw ApiException.badRequest("L'année " + year + " n'a pas commencé");
        }
        LocalDate referenceDay = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        LocalDate dueDate = today.plus(evaluationPeriod);
        List<String> opened = new ArrayList<>();
        List<String> already = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        for (Long programmeId : programmes.activeStartedOnOrBefore(referenceDay.minusYears(EVALUATION_AGE_YEARS))) {
            String key = businessKey(programmeId, year);
            Integer exists = jdbc.queryForObject("select count(*) from programme_evaluation where programme_id = ? "
                    + "and evaluation_year = ?", Integer.class, programmeId, year);
            if (exists != null && exists > 0) {
                already.add(key);
                continue;
            }
            ProgrammeService.Programme programme = programmes.get(programmeId);
            jdbc.update("insert into programme_evaluation (programme_id, evaluation_year, business_key, status, due_date, "
                    + "created_at, created_by) values (?, ?, ?, 'OPEN', ?, ?, ?)", programmeId, year, key,
                    Date.valueOf(dueDate), now, actor);
            Long evaluationId = jdbc.queryForObject("select id from programme_evaluation where business_key = ?", Long.class, key);
            Map<String, Object> variables = new HashMap<>();
            variables.put(PROGRAMME_ID, programmeId);
            variables.put(PROGRAMME_NAME, programme.name());
            variables.put(EVALUATION_ID, evaluationId);
            variables.put(EVALUATION_YEAR, year);
            variables.put(EVALUATION_DUE_DATE, java.util.Date.from(dueDate.atStartOfDay(clock.getZone()).toInstant()));
            String instanceId = engineCalls.asSystem(() ->
                    runtimeService.startProcessInstanceByKey(PROCESS, key, variables).getId());
            jdbc.update("update programme_evaluation set process_instance_id = ? where id = ?", instanceId, evaluationId);
            auditTrail.record("ProgrammeEvaluation", key, "OPENED", programme.name() + " (" + programme.ageYears()
                    + " ans), échéance " + dueDate);
            opened.add(key);
        }
        return new OpeningResult(year, opened, already);
    }

    /** What DPAF sees in the task: the programme, its age, budget, partners and the previous evaluation. */
    @Transactional(readOnly = true)
    public String describe(Long programmeId) {
        ProgrammeService.Programme p = programmes.get(programmeId);
        StringBuilder text = new StringBuilder();
        text.append(p.name()).append("\nDébut : ").append(p.startDate()).append(" (").append(p.ageYears()).append(" ans)");
        if (p.endDate() != null) {
            text.append(", fin prévue : ").append(p.endDate());
        }
        if (p.budgetXof() != null) {
            text.append("\nBudget : ").append(String.format("%,d", p.budgetXof()).replace(',', ' ')).append(" XOF");
        }
        if (!p.partnerIds().isEmpty()) {
            List<String> names = jdbc.queryForList("select name from partner where id in (" + String.join(",",
                    p.partnerIds().stream().map(String::valueOf).toList()) + ") order by name", String.class);
            text.append("\nPartenaires : ").append(String.join(", ", names));
        }
        if (!p.departments().isEmpty()) {
            text.append("\nDépartements : ").append(String.join(", ", p.departments()));
        }
        List<Map<String, Object>> previous = jdbc.queryForList("select evaluation_year, conclusion, findings from "
                + "programme_evaluation where programme_id = ? and status = 'DONE' order by evaluation_year desc", programmeId);
        if (!previous.isEmpty()) {
            Map<String, Object> last = previous.get(0);
            text.append("\nDernière évaluation (").append(last.get("evaluation_year")).append(") : ")
                    .append(last.get("conclusion")).append(" — ").append(last.get("findings"));
        }
        return text.toString();
    }

    /** The DPAF's conclusion: stored, recommendations into the register; CLOSE closes the programme. */
    @Transactional
    public void record(Long evaluationId, String conclusion, String findings, List<RecommendationInput> inputs) {
        Map<String, Object> evaluation = jdbc.queryForMap("select programme_id, business_key from programme_evaluation "
                + "where id = ?", evaluationId);
        LocalDate today = LocalDate.now(clock);
        jdbc.update("update programme_evaluation set status = 'DONE', conclusion = ?, findings = ?, evaluated_on = ?, "
                + "evaluated_by = ? where id = ?", conclusion, findings, Date.valueOf(today), currentActor.userId(), evaluationId);
        String key = (String) evaluation.get("business_key");
        recommendations.createAll(RecommendationSource.PROGRAMME_EVALUATION, key, null, inputs);
        auditTrail.record("ProgrammeEvaluation", key, "EVALUATED", conclusion + " : " + findings);
    }

    @Transactional
    public void closeProgramme(Long programmeId, String reason) {
        int n = jdbc.update("update programme set status = 'CLOSED', updated_at = ?, updated_by = ?, version = version + 1 "
                + "where id = ? and status = 'ACTIVE'", OffsetDateTime.now(clock), currentActor.userId(), programmeId);
        if (n > 0) {
            auditTrail.record("Programme", programmeId, "CLOSED", reason);
        }
    }

    @Transactional
    public void markOverdue(Long evaluationId) {
        jdbc.update("update programme_evaluation set status = 'OVERDUE' where id = ? and status = 'OPEN'", evaluationId);
        auditTrail.record("ProgrammeEvaluation", evaluationId, "OVERDUE", "Évaluation non faite à l'échéance");
    }
}
