package bj.gouv.masm.conventions;

import bj.gouv.masm.partners.PartnerKind;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The checklist of documents the Ministry requires in a dossier: reference data in
 * {@code ref_required_document}, read fresh each time (an administrator's change shows in the next
 * task opened, no restart).
 */
@Service
@RequiredArgsConstructor
public class RequiredDocuments {

    private final JdbcTemplate jdbc;

    public record RequiredDocument(String code, String label) {
    }

    /** Active documents required from a partner of this kind, in display order. */
    public List<RequiredDocument> requiredFrom(PartnerKind kind) {
        return jdbc.query("select code, label from ref_required_document where active = true "
                        + "and (partner_kind is null or partner_kind = ?) order by sort_order, code",
                (rs, i) -> new RequiredDocument(rs.getString("code"), rs.getString("label")), kind.name());
    }

    public boolean exists(String code) {
        Integer count = jdbc.queryForObject("select count(*) from ref_required_document where code = ?",
                Integer.class, code);
        return count != null && count > 0;
    }
}
