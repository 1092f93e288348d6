package bj.gouv.masm.conventions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-side queries on the conventions' tables for the features above them (dashboard, exports, letters): they
 * call these instead of reading {@code convention*} / {@code dossier*} tables or our repositories. A query may
 * join the tables of the features the conventions build on (partners, reference data), read only.
 */
@Service
@RequiredArgsConstructor
public class ConventionReadQueries {

    /** A convention with its partner, as an export lists it; {@code orgType} is the IATI organisation type. */
    public record ConventionWithPartner(long id, String number, ConventionStatus status, LocalDate start,
                                        LocalDate end, String department, OffsetDateTime updatedAt, long partnerId,
                                        String partnerName, String acronym, String kind, String registrationNumber,
                                        String orgType) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ConventionRepository conventions;
    private final DossierRepository dossiers;

    /** A convention by number (read side: the other features do not use our repositories). */
    public Optional<Convention> findByNumber(String number) {
        return conventions.findByNumber(number);
    }

    /** A partner's conventions, the latest signed first. */
    public List<Convention> findByPartnerIdOrderBySignedOnDesc(Long partnerId) {
        return conventions.findByPartnerIdOrderBySignedOnDesc(partnerId);
    }

    /** A dossier by reference. */
    public Optional<Dossier> findDossier(String reference) {
        return dossiers.findByReference(reference);
    }

    /**
     * Partner id → number of its convention in force: without a period ({@code from} null), the one in force {@code today}; with one, a
     * convention not revoked whose validity meets the period (the latest started wins).
     */
    @Transactional(readOnly = true)
    public Map<Long, String> numbersByPartner(LocalDate today, LocalDate from, LocalDate to) {
        Map<Long, String> numbers = new HashMap<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql;
        if (from == null) {
            sql = "select partner_id, number from convention c where " + ConventionTerms.inForceOnSql("c", ":today")
                    + " order by start_date";
            params.addValue("today", today);
        } else {
            sql = "select partner_id, number from convention c where " + ConventionTerms.heldSql("c") + " and "
                    + ConventionTerms.runsDuringSql("c", ":from", ":to") + " order by start_date";
            params.addValue("from", from).addValue("to", to);
        }
        jdbc.query(sql, params, rs -> {
            numbers.put(rs.getLong(1), rs.getString(2));
        });
        return numbers;
    }

    /** Every convention with its partner, by number; {@code departments} null = all departments. */
    @Transactional(readOnly = true)
    public List<ConventionWithPartner> withPartners(Collection<String> departments) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = "";
        if (departments != null) {
            where = " where c.department in (:departments)";
            params.addValue("departments", departments);
        }
        return jdbc.query("""
                select c.id, c.number, c.status, c.start_date, c.end_date, c.department, c.updated_at,
                       p.id, p.name, p.acronym, p.kind, p.registration_number, t.iati_code
                from convention c join partner p on p.id = c.partner_id
                join ref_organisation_type t on t.code = p.organisation_type""" + where + " order by c.number",
                params, (rs, i) -> new ConventionWithPartner(rs.getLong(1), rs.getString(2),
                        ConventionStatus.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13)));
    }

    /** Convention id → the day (in {@code zone}) it was last revoked. */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> revocationDays(ZoneId zone) {
        Map<Long, LocalDate> revokedOn = new HashMap<>();
        jdbc.query("select convention_id, max(changed_at) from convention_status_change where to_status = 'REVOKED' "
                + "group by convention_id", rs -> {
            revokedOn.put(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate());
        });
        return revokedOn;
    }
}
