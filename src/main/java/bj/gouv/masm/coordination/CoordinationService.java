package bj.gouv.masm.coordination;

import static bj.gouv.masm.coordination.CoordinationFormException.FORM;

import bj.gouv.masm.conventions.ConventionStatus;
import static bj.gouv.masm.coordination.CoordinationVariables.*;

import bj.gouv.masm.reviews.RecommendationInput;
import bj.gouv.masm.reviews.RecommendationService;
import bj.gouv.masm.reviews.RecommendationSource;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.EngineCalls;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordination bodies (reference table coordination_body) and their meetings: one expected meeting per
 * body and period (quarter, half-year or year, by the body's frequency), opened by CoordinationCalendar
 * (idempotent: unique business key), planned and held by the body's secretariat, or recorded as not held
 * when the period ends; extraordinary sessions of the Joint Commission on request.
 */
@Service
@RequiredArgsConstructor
public class CoordinationService {

    public static final String JOINT_COMMISSION = "JOINT_COMMISSION";
    /** Days an extraordinary session may slip after its planned date before it counts as not held. */
    public static final int EXTRAORDINARY_GRACE_DAYS = 30;

    private final JdbcTemplate jdbc;
    private final RuntimeService runtimeService;
    private final EngineCalls engineCalls;
    private final RecommendationService recommendations;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record Body(String code, String label, String frequency, int meetingsPerYear, String secretariatGroup) {
    }

    /** A period of a body's calendar: key (2026-Q1, 2026-S2, 2026), first and last day. */
    public record MeetingPeriod(String key, LocalDate start, LocalDate end) {

        public static MeetingPeriod of(String frequency, LocalDate day) {
            int year = day.getYear();
            return switch (frequency) {
                case "QUARTERLY" -> {
                    int q = (day.getMonthValue() - 1) / 3 + 1;
                    LocalDate start = LocalDate.of(year, (q - 1) * 3 + 1, 1);
                    yield new MeetingPeriod(year + "-Q" + q, start, start.plusMonths(3).minusDays(1));
                }
                case "HALF_YEARLY" -> {
                    int s = day.getMonthValue() <= 6 ? 1 : 2;
                    LocalDate start = LocalDate.of(year, s == 1 ? 1 : 7, 1);
                    yield new MeetingPeriod(year + "-S" + s, start, start.plusMonths(6).minusDays(1));
                }
                case "YEARLY" -> new MeetingPeriod(String.valueOf(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
                default -> throw new IllegalArgumentException("Fréquence inconnue : " + frequency);
            };
        }
    }

    public static int meetingsPerYear(String frequency) {
        return switch (frequency) {
            case "QUARTERLY" -> 4;
            case "HALF_YEARLY" -> 2;
            default -> 1;
        };
    }

    public List<Body> bodies() {
        return jdbc.query("select code, label, frequency, secretariat_group from coordination_body where active = true "
                + "order by sort_order, code", (rs, i) -> new Body(rs.getString(1), rs.getString(2), rs.getString(3),
                meetingsPerYear(rs.getString(3)), rs.getString(4)));
    }

    public record OpeningResult(LocalDate day, List<String> opened, List<String> alreadyOpen) {
    }

    /** Opens, for every active body, the meeting of the period containing the day (idempotent). */
    @Transactional
    public OpeningResult openPeriodsContaining(LocalDate day) {
        List<String> opened = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (Body body : bodies()) {
            MeetingPeriod period = MeetingPeriod.of(body.frequency(), day);
            String key = body.code() + "_" + period.key();
            Integer exists = jdbc.queryForObject("select count(*) from coordination_meeting where business_key = ?",
                    Integer.class, key);
            if (exists != null && exists > 0) {
                already.add(key);
                continue;
            }
            start(body, key, period, false, null, null);
            opened.add(key);
        }
        return new OpeningResult(day, opened, already);
    }

    /** By hand (DPAF, admin): the periods containing the day (default today). */
    @Transactional
    public OpeningResult openByHand(LocalDate day) {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Seules la DPAF et l'administration ouvrent le calendrier des réunions");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate target = day == null ? today : day;
        if (target.isAfter(today)) {
            throw ApiException.badRequest("Impossible d'ouvrir une période future : " + target);
        }
        return openPeriodsContaining(target);
    }

    public record SessionRequest(String reason, LocalDate plannedOn) {
    }

    public record Meeting(Long id, String businessKey, String body, String periodKey, boolean extraordinary,
                          String reason, String status, LocalDate plannedOn, LocalDate heldOn, LocalDate periodEnd,
                          String processInstanceId) {
    }

    /** An extraordinary session of the Joint Commission (DPAF — its secretariat —, the Cabinet, admin). */
    @Transactional
    public Meeting requestJointCommissionSession(SessionRequest request) {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF, Groups.CABINET)) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "Seuls la DPAF, le Cabinet et l'administration convoquent la Commission mixte");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        String reason = request == null || request.reason() == null ? null : request.reason().trim();
        if (reason == null || reason.isEmpty()) {
            errors.add(new ApiException.FieldError("reason", "obligatoire"));
        } else if (reason.length() > 2000) {
            errors.add(new ApiException.FieldError("reason", "2000 caractères au plus"));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate plannedOn = request == null ? null : request.plannedOn();
        if (plannedOn == null) {
            errors.add(new ApiException.FieldError("plannedOn", "obligatoire"));
        } else if (plannedOn.isBefore(today)) {
            errors.add(new ApiException.FieldError("plannedOn", "date passée"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Body body = bodies().stream().filter(b -> b.code().equals(JOINT_COMMISSION)).findFirst()
                .orElseThrow(() -> ApiException.conflict("La Commission mixte n'est pas un organe actif"));
        Integer sameDay = jdbc.queryForObject("select count(*) from coordination_meeting where body_code = ? "
                + "and extraordinary = true and planned_on = ? and status in ('OPEN', 'PLANNED')", Integer.class,
                JOINT_COMMISSION, Date.valueOf(plannedOn));
        if (sameDay != null && sameDay > 0) {
            throw ApiException.conflict("Une session extraordinaire est déjà prévue le " + plannedOn);
        }
        Integer count = jdbc.queryForObject("select count(*) from coordination_meeting where body_code = ? "
                + "and extraordinary = true and period_key like ?", Integer.class, JOINT_COMMISSION, plannedOn + "%");
        String periodKey = plannedOn + "-EXT" + ((count == null ? 0 : count) + 1);
        String key = JOINT_COMMISSION + "_" + periodKey;
        MeetingPeriod period = new MeetingPeriod(periodKey, today, plannedOn.plusDays(EXTRAORDINARY_GRACE_DAYS));
        Long id = start(body, key, period, true, reason, plannedOn);
        return meeting(id);
    }

    private Long start(Body body, String key, MeetingPeriod period, boolean extraordinary, String reason, LocalDate plannedOn) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        jdbc.update("insert into coordination_meeting (body_code, business_key, period_key, meeting_year, period_start, "
                        + "period_end, extraordinary, reason, status, planned_on, created_at, created_by, updated_at, updated_by) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", body.code(), key, period.key(),
                (plannedOn == null ? period.start() : plannedOn).getYear(), Date.valueOf(period.start()),
                Date.valueOf(period.end()), extraordinary, reason, plannedOn == null ? "OPEN" : "PLANNED",
                plannedOn == null ? null : Date.valueOf(plannedOn), now, actor, now, actor);
        Long id = jdbc.queryForObject("select id from coordination_meeting where business_key = ?", Long.class, key);
        Map<String, Object> variables = new HashMap<>();
        variables.put(MEETING_ID, id);
        variables.put(BODY_CODE, body.code());
        variables.put(BODY_LABEL, body.label());
        variables.put(PERIOD_KEY, period.key());
        variables.put(SECRETARIAT_GROUP, body.secretariatGroup());
        variables.put(ALREADY_PLANNED, plannedOn != null);
        if (plannedOn != null) {
            variables.put(PLANNED_ON, plannedOn.toString());
            variables.put(MEETING_DATE, java.util.Date.from(plannedOn.atStartOfDay(clock.getZone()).toInstant()));
        }
        variables.put(MEETING_DEADLINE, java.util.Date.from(period.end().plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        String instanceId = engineCalls.asSystem(() -> runtimeService.startProcessInstanceByKey(PROCESS, key, variables).getId());
        jdbc.update("update coordination_meeting set process_instance_id = ? where id = ?", instanceId, id);
        auditTrail.record("CoordinationMeeting", key, "OPENED", extraordinary ? "Session extraordinaire : " + reason
                : body.label() + " — période " + period.key());
        return id;
    }

    public Meeting meeting(Long id) {
        return jdbc.query("select id, business_key, body_code, period_key, extraordinary, reason, status, planned_on, held_on, "
                + "period_end, process_instance_id from coordination_meeting where id = ?", (rs, i) -> new Meeting(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getString(11)), id).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Réunion inconnue : " + id));
    }

    /** Context shown in the tasks: body, period, reason of an extraordinary session. */
    public String describe(Long meetingId) {
        Map<String, Object> m = jdbc.queryForMap("select b.label, m.period_key, m.period_start, m.period_end, m.extraordinary, "
                + "m.reason, m.planned_on, m.venue from coordination_meeting m join coordination_body b on b.code = m.body_code "
                + "where m.id = ?", meetingId);
        StringBuilder text = new StringBuilder().append(m.get("label"));
        if (Boolean.TRUE.equals(m.get("extraordinary"))) {
            text.append("\nSession extraordinaire : ").append(m.get("reason"));
        } else {
            text.append("\nPériode ").append(m.get("period_key")).append(" : du ").append(m.get("period_start"))
                    .append(" au ").append(m.get("period_end"));
        }
        if (m.get("planned_on") != null) {
            text.append("\nPrévue le ").append(m.get("planned_on"));
            if (m.get("venue") != null) {
                text.append(" — ").append(m.get("venue"));
            }
        }
        text.append("\nÀ l'ordre du jour : le point des recommandations précédentes.");
        return text.toString();
    }

    /** The partners one may record as present: partners with a convention in force (ACTIVE or SUSPENDED). */
    public List<Map<String, String>> partnerOptions() {
        List<Map<String, String>> options = new ArrayList<>();
        jdbc.query("select p.id, p.name, p.acronym, p.kind from partner p where exists (select 1 from convention c "
                + "where c.partner_id = p.id and " + ConventionStatus.liveSql("c") + ") order by p.name", rs -> {
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", rs.getString(2) + (rs.getString(3) == null ? "" : " (" + rs.getString(3) + ")") + " — "
                    + rs.getString(4));
            option.put("value", String.valueOf(rs.getLong(1)));
            options.add(option);
        });
        return options;
    }

    @Transactional
    public void plan(Long meetingId, LocalDate plannedOn, String venue) {
        Meeting meeting = meeting(meetingId);
        if (plannedOn.isAfter(meeting.periodEnd())) {
            throw new CoordinationFormException("La réunion doit se tenir au plus tard le " + meeting.periodEnd()
                    + " (fin de la période " + meeting.periodKey() + ").");
        }
        jdbc.update("update coordination_meeting set status = 'PLANNED', planned_on = ?, venue = ?, updated_at = ?, "
                        + "updated_by = ? where id = ?", Date.valueOf(plannedOn), venue, OffsetDateTime.now(clock),
                currentActor.userId(), meetingId);
        auditTrail.record("CoordinationMeeting", meeting.businessKey(), "PLANNED", plannedOn + (venue == null ? "" : ", " + venue));
    }

    @Transactional
    public void postpone(Long meetingId, String reason) {
        Meeting meeting = meeting(meetingId);
        jdbc.update("update coordination_meeting set status = 'OPEN', planned_on = null, updated_at = ?, updated_by = ? "
                + "where id = ?", OffsetDateTime.now(clock), currentActor.userId(), meetingId);
        auditTrail.record("CoordinationMeeting", meeting.businessKey(), "POSTPONED", reason);
    }

    /** Held: date, attendance, minutes, recommendations into the register; on schedule if held within its period. */
    @Transactional
    public void hold(Long meetingId, LocalDate heldOn, String minutes, int participants, List<Long> partnersPresent,
                     List<RecommendationInput> inputs) {
        Meeting meeting = meeting(meetingId);
        boolean onSchedule = !heldOn.isAfter(meeting.periodEnd());
        jdbc.update("update coordination_meeting set status = 'HELD', held_on = ?, minutes = ?, participants_count = ?, "
                        + "on_schedule = ?, updated_at = ?, updated_by = ? where id = ?", Date.valueOf(heldOn), minutes,
                participants, onSchedule, OffsetDateTime.now(clock), currentActor.userId(), meetingId);
        jdbc.update("delete from coordination_attendance where meeting_id = ?", meetingId);
        for (Long partnerId : partnersPresent) {
            jdbc.update("insert into coordination_attendance (meeting_id, partner_id) values (?, ?)", meetingId, partnerId);
        }
        recommendations.createAll(RecommendationSource.COORDINATION_MEETING, meeting.businessKey(), null, inputs);
        auditTrail.record("CoordinationMeeting", meeting.businessKey(), "HELD", heldOn + ", " + participants
                + " participant(s), " + partnersPresent.size() + " partenaire(s) présent(s)");
    }

    @Transactional
    public void recordNotHeld(Long meetingId) {
        Meeting meeting = meeting(meetingId);
        jdbc.update("update coordination_meeting set status = 'NOT_HELD', on_schedule = false, updated_at = ?, updated_by = ? "
                + "where id = ? and status in ('OPEN', 'PLANNED')", OffsetDateTime.now(clock), currentActor.userId(), meetingId);
        auditTrail.record("CoordinationMeeting", meeting.businessKey(), "NOT_HELD", "Période close sans réunion");
    }

    /** Partner ids of a taglist/checklist as a form submits them (Json or list); unknown ids refused. */
    public List<Long> partnerIds(Object value) {
        List<String> values = FORM.valueList(value, "Partenaires présents");
        List<Long> ids = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            try {
                Long id = Long.valueOf(v);
                Integer exists = jdbc.queryForObject("select count(*) from partner where id = ?", Integer.class, id);
                if (exists == null || exists == 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new CoordinationFormException("Partenaire inconnu dans la liste des présents : « " + v + " ».");
            }
        }
        return ids;
    }
}
