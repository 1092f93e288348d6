package bj.gouv.masm.funding;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reporting.CommuneDirectory;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a PTF declares it funds (table funded_activity): activity, department and commune, domain, target
 * group, period, amount in XOF, the implementing partner when there is one. DPAF (or an administrator)
 * records them; everybody reads them (a CPS only those of its departments). Overlap detection compares
 * them with the activities of the quarterly reports (dashboard, OverlapService).
 */
@Service
@RequiredArgsConstructor
public class FundedActivityService {

    private final JdbcTemplate jdbc;
    private final PartnerReadQueries partners;
    private final ReferenceDataService reference;
    private final CommuneDirectory communes;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record FundedActivityRequest(String description, String department, String commune, String domain,
                                        String targetGroup, LocalDate startDate, LocalDate endDate, Long amountXof,
                                        Long implementingPartnerId) {
    }

    public record FundedActivity(Long id, Long partnerId, String partnerName, String description, String department,
                                 String commune, String domain, String targetGroup, LocalDate startDate,
                                 LocalDate endDate, long amountXof, Long implementingPartnerId,
                                 String implementingPartnerName, OffsetDateTime createdAt, String createdBy) {
    }

    /** DPAF records what a PTF funds: 201; 400 listing every field error; 404 unknown partner; 403 otherwise. */
    @Transactional
    public FundedActivity record(Long partnerId, FundedActivityRequest request) {
        requireDpaf();
        Partner ptf = partners.findById(partnerId).orElseThrow(() -> ApiException.notFound("Partenaire inconnu : " + partnerId));
        if (ptf.getKind() != PartnerKind.PTF) {
            throw ApiException.badRequest("« " + ptf.getName() + " » n'est pas un PTF : seules les activités financées par "
                    + "un PTF sont déclarées ici (les OSC rendent compte par leurs rapports trimestriels)");
        }
        if (request == null) {
            throw ApiException.badRequest("Corps de requête manquant");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        String description = trim(request.description());
        if (description == null) {
            errors.add(new ApiException.FieldError("description", "obligatoire"));
        } else if (description.length() > 2000) {
            errors.add(new ApiException.FieldError("description", "2000 caractères au plus"));
        }
        String department = code(ReferenceCategory.DEPARTMENT, request.department(), "department", "Département", errors);
        String commune = null;
        if (trim(request.commune()) == null) {
            errors.add(new ApiException.FieldError("commune", "obligatoire"));
        } else if (department != null) {
            commune = communes.resolve(department, request.commune()).orElse(null);
            if (commune == null) {
                errors.add(new ApiException.FieldError("commune", "« " + request.commune().trim()
                        + " » n'est pas une commune du département " + reference.label(ReferenceCategory.DEPARTMENT, department)));
            }
        }
        String domain = code(ReferenceCategory.DOMAIN, request.domain(), "domain", "Domaine", errors);
        String targetGroup = code(ReferenceCategory.TARGET_GROUP, request.targetGroup(), "targetGroup", "Groupe cible", errors);
        if (request.startDate() == null) {
            errors.add(new ApiException.FieldError("startDate", "obligatoire"));
        }
        if (request.endDate() == null) {
            errors.add(new ApiException.FieldError("endDate", "obligatoire"));
        }
        if (request.startDate() != null && request.endDate() != null && request.endDate().isBefore(request.startDate())) {
            errors.add(new ApiException.FieldError("endDate", "la fin précède le début"));
        }
        if (request.amountXof() == null) {
            errors.add(new ApiException.FieldError("amountXof", "obligatoire"));
        } else if (request.amountXof() < 0) {
            errors.add(new ApiException.FieldError("amountXof", "montant positif ou nul attendu (XOF)"));
        }
        Partner implementer = null;
        if (request.implementingPartnerId() != null) {
            implementer = partners.findById(request.implementingPartnerId()).orElse(null);
            if (implementer == null) {
                errors.add(new ApiException.FieldError("implementingPartnerId", "partenaire inconnu : "
                        + request.implementingPartnerId()));
            } else if (implementer.getId().equals(partnerId)) {
                errors.add(new ApiException.FieldError("implementingPartnerId",
                        "le partenaire de mise en œuvre est le PTF lui-même : laissez ce champ vide"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        final String place = commune;
        final Long implementerId = implementer == null ? null : implementer.getId();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("insert into funded_activity (partner_id, "
                    + "implementing_partner_id, description, department, commune, domain, target_group, start_date, "
                    + "end_date, amount_xof, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setLong(1, partnerId);
            ps.setObject(2, implementerId);
            ps.setString(3, description);
            ps.setString(4, department);
            ps.setString(5, place);
            ps.setString(6, domain);
            ps.setString(7, targetGroup);
            ps.setDate(8, Date.valueOf(request.startDate()));
            ps.setDate(9, Date.valueOf(request.endDate()));
            ps.setLong(10, request.amountXof());
            ps.setObject(11, now);
            ps.setString(12, actor);
            return ps;
        }, keys);
        Long id = keys.getKey().longValue();
        auditTrail.record("FundedActivity", id, "CREATE", "PTF " + partnerId + " : " + description + " ("
                + place + ", " + domain + ", " + targetGroup + ", " + request.startDate() + " → " + request.endDate()
                + ", " + request.amountXof() + " XOF)");
        return find(id).orElseThrow();
    }

    /** A partner's funded activities, newest period first (a CPS sees those of its departments). */
    @Transactional(readOnly = true)
    public List<FundedActivity> ofPartner(Long partnerId) {
        partners.findById(partnerId).orElseThrow(() -> ApiException.notFound("Partenaire inconnu : " + partnerId));
        Optional<Set<String>> visible = accessScope.departmentFilter();
        return jdbc.query(SELECT + " where a.partner_id = ? order by a.start_date desc, a.id desc", this::map, partnerId)
                .stream().filter(a -> visible.isEmpty() || visible.get().contains(a.department())).toList();
    }

    /** How many activities the PTF declared whose period touches the year (shown to DPAF in the declaration task). */
    @Transactional(readOnly = true)
    public int countForYear(Long partnerId, int year) {
        Integer n = jdbc.queryForObject("select count(*) from funded_activity where partner_id = ? and start_date <= ? "
                + "and end_date >= ?", Integer.class, partnerId, Date.valueOf(LocalDate.of(year, 12, 31)),
                Date.valueOf(LocalDate.of(year, 1, 1)));
        return n == null ? 0 : n;
    }

    public Optional<FundedActivity> find(Long id) {
        return jdbc.query(SELECT + " where a.id = ?", this::map, id).stream().findFirst();
    }

    private static final String SELECT = """
            select a.id, a.partner_id, p.name, a.description, a.department, a.commune, a.domain, a.target_group,
                   a.start_date, a.end_date, a.amount_xof, a.implementing_partner_id, i.name as implementer,
                   a.created_at, a.created_by
            from funded_activity a join partner p on p.id = a.partner_id
            left join partner i on i.id = a.implementing_partner_id""";

    private FundedActivity map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new FundedActivity(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getLong(11), rs.getObject(12, Long.class), rs.getString(13),
                rs.getObject(14, OffsetDateTime.class), rs.getString(15));
    }

    private void requireDpaf() {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "Seules la DPAF et l'administration enregistrent les activités financées par les PTF");
        }
    }

    private String code(ReferenceCategory category, String value, String field, String label,
                        List<ApiException.FieldError> errors) {
        if (trim(value) == null) {
            errors.add(new ApiException.FieldError(field, "obligatoire"));
            return null;
        }
        Optional<String> code = reference.resolve(category, value.trim());
        if (code.isEmpty()) {
            errors.add(new ApiException.FieldError(field, label + " inconnu : « " + value.trim() + " »"));
            return null;
        }
        return code.get();
    }

    static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String upper(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
