package bj.gouv.masm.partners;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-side queries on the partner registry's tables for the features that show partners in bulk (dashboard,
 * exports, letters, reviews...): they call these instead of reading {@code partner*} tables or our repository.
 */
@Service
@RequiredArgsConstructor
public class PartnerReadQueries {

    /** A partner's own columns. */
    public record PartnerRow(long id, String name, String acronym, String kind, String organisationType,
                             String headOfficeDepartment, boolean nationwide) {
    }

    /** The code lists of a partner, one table each. */
    public enum Codes {
        SUB_SECTORS("partner_sub_sector"), DOMAINS("partner_domain"), TARGET_GROUPS("partner_target_group"),
        DEPARTMENTS("partner_department");

        private final String table;

        Codes(String table) {
            this.table = table;
        }
    }

    private final JdbcTemplate jdbc;
    private final PartnerRepository partners;

    /** A partner by id (read side: the other features do not use our repository). */
    public Optional<Partner> findById(Long id) {
        return partners.findById(id);
    }

    public List<Partner> findAllById(Iterable<Long> ids) {
        return partners.findAllById(ids);
    }

    public boolean existsById(Long id) {
        return partners.existsById(id);
    }

    /** Every partner as an entity (the simulator's checks). */
    public List<Partner> findAll() {
        return partners.findAll();
    }

    /** Every partner, by name. */
    @Transactional(readOnly = true)
    public List<PartnerRow> all() {
        return jdbc.query("select id, name, acronym, kind, organisation_type, head_office_department, "
                + "nationwide from partner order by name, id", (rs, i) -> new PartnerRow(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getBoolean(7)));
    }

    /** Partner id → its codes of one list, sorted (partners without any are absent). */
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> codes(Codes list) {
        Map<Long, Set<String>> codes = new HashMap<>();
        jdbc.query("select partner_id, code from " + list.table, rs -> {
            codes.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
        });
        return codes;
    }
}
