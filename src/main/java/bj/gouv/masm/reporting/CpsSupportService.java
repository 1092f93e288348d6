package bj.gouv.masm.reporting;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support a CPS gives to a partner's activity. The source forbids any CPS to assist, accompany or
 * support an OSC without a convention: such a request is refused (409) with a clear message.
 */
@Service
@RequiredArgsConstructor
public class CpsSupportService {

    private final JdbcTemplate jdbc;
    private final PartnerRepository partners;
    private final ConventionRepository conventions;
    private final ReferenceDataService reference;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record SupportRequest(Long partnerId, String department, String supportType, String description,
                                 LocalDate providedOn, Long activityId) {
    }

    public record Support(Long id, Long partnerId, String conventionNumber, String department, Long activityId,
                          String supportType, String description, LocalDate providedOn, String createdBy) {
    }

    /** The convention in force on that day, if any ({@link Convention#isInForceOn}). */
    public Optional<Convention> conventionInForce(Long partnerId, LocalDate day) {
        return conventions.findByPartnerIdOrderBySignedOnDesc(partnerId).stream()
                .filter(c -> c.isInForceOn(day))
                .findFirst();
    }

    @Transactional
    public Support record(SupportRequest request) {
        if (accessScope.isReadOnly()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Accès en lecture seule");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (request.partnerId() == null) {
            errors.add(new ApiException.FieldError("partnerId", "obligatoire"));
        }
        if (!reference.isValid(ReferenceCategory.DEPARTMENT, request.department())) {
            errors.add(new ApiException.FieldError("department", "département inconnu"));
        }
        if (request.supportType() == null || request.supportType().isBlank()) {
            errors.add(new ApiException.FieldError("supportType", "obligatoire"));
        }
        if (request.description() == null || request.description().isBlank()) {
            errors.add(new ApiException.FieldError("description", "obligatoire"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (!accessScope.canSeeDepartment(request.department())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Département hors de votre périmètre : " + request.department());
        }
        Partner partner = partners.findById(request.partnerId())
                .orElseThrow(() -> ApiException.notFound("Partenaire inconnu : " + request.partnerId()));
        LocalDate day = request.providedOn() == null ? LocalDate.now(clock) : request.providedOn();
        Convention convention = conventionInForce(partner.getId(), day).orElseThrow(() -> ApiException.conflict(
                "Appui refusé : « " + partner.getName() + " » n'a pas de convention en cours avec le Ministère au " + day
                        + ". Aucun CPS ne peut assister, accompagner ou appuyer une OSC sans convention ; "
                        + "signalez-la pour régularisation (processus OscRegularisation)."));
        if (request.activityId() != null) {
            Integer found = jdbc.queryForObject("select count(*) from report_activity where id = ? and partner_id = ?",
                    Integer.class, request.activityId(), partner.getId());
            if (found == null || found == 0) {
                throw ApiException.badRequest("Activité inconnue pour ce partenaire : " + request.activityId());
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into cps_support (partner_id, convention_number, department, "
                    + "activity_id, support_type, description, provided_on, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setLong(1, partner.getId());
            ps.setString(2, convention.getNumber());
            ps.setString(3, request.department());
            ps.setObject(4, request.activityId());
            ps.setString(5, request.supportType().trim());
            ps.setString(6, request.description().trim());
            ps.setObject(7, day);
            ps.setObject(8, now);
            ps.setString(9, currentActor.userId());
            return ps;
        }, keys);
        Long id = keys.getKey().longValue();
        auditTrail.record("CpsSupport", id, "RECORDED", "Appui du CPS " + request.department() + " à " + partner.getName());
        return new Support(id, partner.getId(), convention.getNumber(), request.department(), request.activityId(),
                request.supportType().trim(), request.description().trim(), day, currentActor.userId());
    }

    public List<Support> ofPartner(Long partnerId) {
        return jdbc.query("select id, partner_id, convention_number, department, activity_id, support_type, description, "
                        + "provided_on, created_by from cps_support where partner_id = ? order by id",
                (rs, n) -> new Support(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5, Long.class), rs.getString(6), rs.getString(7),
                        rs.getObject(8, LocalDate.class), rs.getString(9)), partnerId)
                .stream().filter(s -> accessScope.canSeeDepartment(s.department())).toList();
    }

}
