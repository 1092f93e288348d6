package bj.gouv.masm.conventions;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of documents a dossier needs (table {@code ref_required_document}), edited by DPAF or an
 * administrator without SQL. The lifecycle reads the table afresh for every task it opens
 * ({@code conventions.RequiredDocuments}), so new dossiers use the new list at once. A code is never
 * deleted (dossiers already received it): a document left out of the list is deactivated.
 */
@Service
@RequiredArgsConstructor
public class RequiredDocumentList {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final JdbcTemplate jdbc;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;

    /** One document: {@code partnerKind} null = required from every partner, else {@code OSC} or {@code PTF}. */
    public record Document(String code, String label, String partnerKind, Boolean active) {
    }

    /** Every document, active ones first in display order, then the deactivated ones. */
    @Transactional(readOnly = true)
    public List<Document> all() {
        return jdbc.query("select code, label, partner_kind, active from ref_required_document "
                        + "order by active desc, sort_order, code",
                (rs, i) -> new Document(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    }

    /**
     * Replaces the list: the documents given, in this order, are required (new codes are added, known
     * ones relabelled); a known document not given (or given with {@code active: false}) is no longer
     * required. All or nothing: every error is listed in one 400.
     */
    @Transactional
    public List<Document> replace(List<Document> documents) {
        if (!accessScope.isMemberOrAdmin(Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Seules la DPAF et l'administration modifient la liste des pièces du dossier");
        }
        if (documents == null || documents.isEmpty()) {
            throw ApiException.badRequest("La liste des pièces ne peut pas être vide");
        }
        List<ApiException.FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Document> clean = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            Document d = documents.get(i);
            String field = "[" + i + "]";
            String code = d == null || d.code() == null ? "" : d.code().trim().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                errors.add(new ApiException.FieldError(field + ".code", "code invalide « " + code
                        + " » (lettres majuscules, chiffres et _, 2 à 40 caractères)"));
                continue;
            }
            if (!seen.add(code)) {
                errors.add(new ApiException.FieldError(field + ".code", "pièce " + code + " en double"));
                continue;
            }
            String label = d.label() == null ? "" : d.label().trim();
            if (label.isEmpty() || label.length() > 240) {
                errors.add(new ApiException.FieldError(field + ".label", code + " : libellé obligatoire (240 caractères au plus)"));
            }
            String kind = d.partnerKind() == null || d.partnerKind().isBlank() ? null : d.partnerKind().trim().toUpperCase(Locale.ROOT);
            if (kind != null && !kind.equals("OSC") && !kind.equals("PTF")) {
                errors.add(new ApiException.FieldError(field + ".partnerKind", code + " : OSC, PTF ou vide (tous)"));
            }
            clean.add(new Document(code, label, kind, d.active() == null || d.active()));
        }
        if (clean.stream().noneMatch(Document::active) && errors.isEmpty()) {
            errors.add(new ApiException.FieldError("", "au moins une pièce doit rester exigée"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Liste des pièces refusée, rien n'a été modifié : "
                    + errors.size() + " erreur(s)", errors);
        }
        jdbc.update("update ref_required_document set active = false");
        int order = 0;
        for (Document d : clean) {
            order++;
            int updated = jdbc.update("update ref_required_document set label = ?, partner_kind = ?, active = ?, sort_order = ? "
                    + "where code = ?", d.label(), d.partnerKind(), d.active(), order, d.code());
            if (updated == 0) {
                jdbc.update("insert into ref_required_document (code, label, partner_kind, active, sort_order) values (?, ?, ?, ?, ?)",
                        d.code(), d.label(), d.partnerKind(), d.active(), order);
            }
        }
        auditTrail.record("RequiredDocuments", "ref_required_document", "REPLACED",
                clean.stream().filter(Document::active).map(Document::code).reduce((a, b) -> a + ", " + b).orElse(""));
        return all();
    }
}
