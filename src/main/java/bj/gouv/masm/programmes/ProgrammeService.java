package bj.gouv.masm.programmes;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.PageResponse;
import bj.gouv.masm.shared.TextNormalizer;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of programmes and projects under the Ministry's cooperation: name, partners, departments,
 * domains, period, budget (XOF). DPAF and administrators write; everybody reads. Every change is audited.
 */
@Service
@RequiredArgsConstructor
public class ProgrammeService {

    private final JdbcTemplate jdbc;
    private final ReferenceDataService reference;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record ProgrammeRequest(String name, List<Long> partnerIds, List<String> departments, List<String> domains,
                                   LocalDate startDate, LocalDate endDate, Long budgetXof) {
    }

    public record LastEvaluation(int year, String status, String conclusion, LocalDate evaluatedOn, String findings) {
    }

    public record Programme(Long id, String name, List<Long> partnerIds, List<String> departments, List<String> domains,
                            LocalDate startDate, LocalDate endDate, Long budgetXof, String status, int ageYears,
                            LastEvaluation lastEvaluation, OffsetDateTime createdAt, String createdBy,
                            OffsetDateTime updatedAt, String updatedBy, long version) {
    }

    /** A request checked and normalised (codes, partners sorted). */
    record Valid(String name, String partnerIds, String departments, String domains, LocalDate startDate,
                 LocalDate endDate, Long budgetXof) {
    }

    public void requireWriter() {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Seules la DPAF et l'administration tiennent le registre des programmes");
        }
    }

    @Transactional
    public Programme create(ProgrammeRequest request) {
        requireWriter();
        Valid valid = validate(request);
        requireUniqueName(valid.name(), null);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into programme (name, normalised_name, partner_ids, "
                    + "departments, domains, start_date, end_date, budget_xof, status, created_at, created_by, updated_at, "
                    + "updated_by, version) values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?, 0)", new String[] {"id"});
            ps.setString(1, valid.name());
            ps.setString(2, TextNormalizer.normalise(valid.name()));
            ps.setString(3, valid.partnerIds());
            ps.setString(4, valid.departments());
            ps.setString(5, valid.domains());
            ps.setDate(6, Date.valueOf(valid.startDate()));
            ps.setDate(7, valid.endDate() == null ? null : Date.valueOf(valid.endDate()));
            ps.setObject(8, valid.budgetXof());
            ps.setObject(9, now);
            ps.setString(10, actor);
            ps.setObject(11, now);
            ps.setString(12, actor);
            return ps;
        }, keys);
        Long id = keys.getKey().longValue();
        auditTrail.record("Programme", id, "CREATE", valid.name());
        return get(id);
    }

    /** Replaces every field; an identical body changes nothing (no audit event). */
    @Transactional
    public Programme update(Long id, ProgrammeRequest request) {
        requireWriter();
        Programme before = get(id);
        Valid valid = validate(request);
        requireUniqueName(valid.name(), id);
        if (sameAs(before, valid)) {
            return before;
        }
        jdbc.update("update programme set name = ?, normalised_name = ?, partner_ids = ?, departments = ?, domains = ?, "
                        + "start_date = ?, end_date = ?, budget_xof = ?, updated_at = ?, updated_by = ?, version = version + 1 "
                        + "where id = ?", valid.name(), TextNormalizer.normalise(valid.name()), valid.partnerIds(),
                valid.departments(), valid.domains(), Date.valueOf(valid.startDate()),
                valid.endDate() == null ? null : Date.valueOf(valid.endDate()), valid.budgetXof(),
                OffsetDateTime.now(clock), currentActor.userId(), id);
        auditTrail.record("Programme", id, "UPDATE", valid.name());
        return get(id);
    }

    /** Only a programme never evaluated may be deleted (409 otherwise: its evaluations stay in the register). */
    @Transactional
    public void delete(Long id) {
        requireWriter();
        Programme programme = get(id);
        Integer evaluations = jdbc.queryForObject("select count(*) from programme_evaluation where programme_id = ?",
                Integer.class, id);
        if (evaluations != null && evaluations > 0) {
            throw ApiException.conflict("Le programme « " + programme.name() + " » a déjà été évalué : il ne peut pas être "
                    + "supprimé (clôturez-le par une évaluation)");
        }
        jdbc.update("delete from programme where id = ?", id);
        auditTrail.record("Programme", id, "DELETE", programme.name());
    }

    @Transactional(readOnly = true)
    public Programme get(Long id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Programme inconnu : " + id));
    }

    public Optional<Programme> find(Long id) {
        return jdbc.query(SELECT + " where p.id = ?", this::map, id).stream().findFirst();
    }

    public Optional<Long> findIdByName(String name) {
        return jdbc.queryForList("select id from programme where normalised_name = ?", Long.class,
                TextNormalizer.normalise(name)).stream().findFirst();
    }

    /**
     * Paged, by name. {@code olderThanYears}: only ACTIVE programmes started at least that many years ago
     * (the ones due for evaluation), each with its last evaluation.
     */
    @Transactional(readOnly = true)
    public PageResponse<Programme> search(Integer olderThanYears, String q, int page, int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ApiException.badRequest("Pagination invalide : page >= 0 et 1 <= size <= 100");
        }
        if (olderThanYears != null && (olderThanYears < 0 || olderThanYears > 100)) {
            throw ApiException.badRequest("olderThanYears invalide : entre 0 et 100");
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (olderThanYears != null) {
            where.append(" and p.status = 'ACTIVE' and p.start_date <= ?");
            args.add(Date.valueOf(LocalDate.now(clock).minusYears(olderThanYears)));
        }
        if (q != null && !q.isBlank()) {
            where.append(" and p.normalised_name like ?");
            args.add("%" + TextNormalizer.normalise(q) + "%");
        }
        Long total = jdbc.queryForObject("select count(*) from programme p" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Programme> content = jdbc.query(SELECT + where + " order by p.name, p.id limit ? offset ?", this::map,
                pageArgs.toArray());
        long totalElements = total == null ? 0 : total;
        return new PageResponse<>(content, page, size, totalElements, (int) ((totalElements + size - 1) / size));
    }

    /** ACTIVE programmes started on or before the day (five years before the evaluation day). */
    public List<Long> activeStartedOnOrBefore(LocalDate day) {
        return jdbc.queryForList("select id from programme where status = 'ACTIVE' and start_date <= ? order by id",
                Long.class, Date.valueOf(day));
    }

    Valid validate(ProgrammeRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Corps de requête manquant");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        String name = request.name() == null ? null : request.name().trim().replaceAll("\\s+", " ");
        if (name == null || name.isEmpty()) {
            errors.add(new ApiException.FieldError("name", "obligatoire"));
        } else if (name.length() > 300) {
            errors.add(new ApiException.FieldError("name", "300 caractères au plus"));
        }
        Set<Long> partnerIds = new TreeSet<>();
        for (Long partnerId : request.partnerIds() == null ? List.<Long>of() : request.partnerIds()) {
            if (partnerId == null) {
                continue;
            }
            Integer exists = jdbc.queryForObject("select count(*) from partner where id = ?", Integer.class, partnerId);
            if (exists == null || exists == 0) {
                errors.add(new ApiException.FieldError("partnerIds", "partenaire inconnu : " + partnerId));
            } else {
                partnerIds.add(partnerId);
            }
        }
        Set<String> departments = codes(ReferenceCategory.DEPARTMENT, request.departments(), "departments", "Département", errors);
        Set<String> domains = codes(ReferenceCategory.DOMAIN, request.domains(), "domains", "Domaine", errors);
        if (request.startDate() == null) {
            errors.add(new ApiException.FieldError("startDate", "obligatoire"));
        }
        if (request.startDate() != null && request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            errors.add(new ApiException.FieldError("endDate", "la fin précède le début"));
        }
        if (request.budgetXof() != null && request.budgetXof() < 0) {
            errors.add(new ApiException.FieldError("budgetXof", "montant positif ou nul attendu (XOF)"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new Valid(name, partnerIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                String.join(",", departments), String.join(",", domains), request.startDate(), request.endDate(),
                request.budgetXof());
    }

    private Set<String> codes(ReferenceCategory category, List<String> values, String field, String label,
                              List<ApiException.FieldError> errors) {
        Set<String> codes = new TreeSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            Optional<String> code = reference.resolve(category, value.trim());
            if (code.isEmpty()) {
                errors.add(new ApiException.FieldError(field, label + " inconnu : « " + value.trim() + " »"));
            } else {
                codes.add(code.get());
            }
        }
        return codes;
    }

    private void requireUniqueName(String name, Long exceptId) {
        Optional<Long> existing = findIdByName(name);
        if (existing.isPresent() && !existing.get().equals(exceptId)) {
            throw ApiException.conflict("Un programme porte déjà ce nom : « " + name + " » (id " + existing.get() + ")");
        }
    }

    private static boolean sameAs(Programme p, Valid v) {
        return p.name().equals(v.name())
                && p.partnerIds().stream().map(String::valueOf).collect(Collectors.joining(",")).equals(v.partnerIds())
                && String.join(",", p.departments()).equals(v.departments())
                && String.join(",", p.domains()).equals(v.domains())
                && p.startDate().equals(v.startDate()) && Objects.equals(p.endDate(), v.endDate())
                && Objects.equals(p.budgetXof(), v.budgetXof());
    }

    private static final String SELECT = """
            select p.id, p.name, p.partner_ids, p.departments, p.domains, p.start_date, p.end_date, p.budget_xof, p.status,
                   p.created_at, p.created_by, p.updated_at, p.updated_by, p.version,
                   e.evaluation_year, e.status as evaluation_status, e.conclusion, e.evaluated_on, e.findings
            from programme p
            left join programme_evaluation e on e.programme_id = p.id and e.evaluation_year =
                (select max(e2.evaluation_year) from programme_evaluation e2 where e2.programme_id = p.id)""";

    private Programme map(ResultSet rs, int row) throws SQLException {
        LocalDate start = rs.getObject("start_date", LocalDate.class);
        Integer year = rs.getObject("evaluation_year", Integer.class);
        LastEvaluation last = year == null ? null : new LastEvaluation(year, rs.getString("evaluation_status"),
                rs.getString("conclusion"), rs.getObject("evaluated_on", LocalDate.class), rs.getString("findings"));
        return new Programme(rs.getLong("id"), rs.getString("name"),
                split(rs.getString("partner_ids")).stream().map(Long::valueOf).toList(),
                split(rs.getString("departments")), split(rs.getString("domains")), start,
                rs.getObject("end_date", LocalDate.class), rs.getObject("budget_xof", Long.class), rs.getString("status"),
                Period.between(start, LocalDate.now(clock)).getYears(), last,
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"), rs.getLong("version"));
    }

    private static List<String> split(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(new LinkedHashSet<>(Arrays.asList(value.split(","))));
    }
}
