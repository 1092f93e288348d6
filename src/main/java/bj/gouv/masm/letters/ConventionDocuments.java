package bj.gouv.masm.letters;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionReadQueries;
import bj.gouv.masm.conventions.Dossier;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.shared.CurrentActor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The convention as a PDF (template {@code letters/convention.html}, after the Annex 2 specimen of the
 * document cadre): produced once, at signature, stored with its SHA-256 in {@code convention_document}
 * and served as stored ever after (a changed template never rewrites a signed convention). Before
 * signature the SGM can open a draft (marked « PROJET », not stored) from the signature form.
 */
@Service
@RequiredArgsConstructor
public class ConventionDocuments {

    private static final Logger log = LoggerFactory.getLogger(ConventionDocuments.class);
    public static final String TEMPLATE = "letters/convention";

    private final JdbcTemplate jdbc;
    private final ConventionReadQueries conventions;
    private final PartnerReadQueries partners;
    private final ReferenceDataService reference;
    private final LetterTemplates templates;
    private final PdfRenderer pdf;
    private final LetterSettings settings;
    private final CurrentActor actor;
    private final Clock clock;

    public record Document(String conventionNumber, String fileName, byte[] content, String sha256,
                           OffsetDateTime createdAt, String createdBy) {
    }

    /**
     * The stored PDF of a signed convention, produced now if it does not exist yet (never replaced). Not
     * transactional itself: it joins the caller's transaction (the signature's), and a rendering failure
     * throws before anything is written.
     */
    public Document produce(String number) {
        Optional<Document> existing = find(number);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] content = render(number);
        String sha = sha256(content);
        String fileName = "convention-" + number + ".pdf";
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("insert into convention_document (convention_number, file_name, content, sha256, size_bytes, "
                + "created_at, created_by) values (?, ?, ?, ?, ?, ?, ?)", number, fileName, content, sha,
                (long) content.length, now, actor.userId());
        log.info("Convention {} produced as PDF ({} bytes, SHA-256 {})", number, content.length, sha);
        return new Document(number, fileName, content, sha, now, actor.userId());
    }

    /** The signed convention rendered from the template (nothing stored). */
    public byte[] render(String number) {
        Convention convention = conventions.findByNumber(number)
                .orElseThrow(() -> new IllegalStateException("Unknown convention " + number));
        Partner partner = partners.findById(convention.getPartnerId()).orElseThrow();
        Dossier dossier = convention.getDossierReference() == null ? null
                : conventions.findDossier(convention.getDossierReference()).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("draft", false);
        model.put("number", convention.getNumber());
        model.put("signedOn", Outbox.frenchDate(convention.getSignedOn()));
        model.put("startDate", Outbox.frenchDate(convention.getStartDate()));
        model.put("endDate", Outbox.frenchDate(convention.getEndDate()));
        model.put("durationMonths", convention.getDurationMonths());
        model.put("partnerSignatory", convention.getPartnerSignatory());
        model.put("domains", labels(ReferenceCategory.DOMAIN, convention.getDomains()));
        model.put("obligations", convention.getObligations());
        model.put("monitoringArrangement", convention.getMonitoringArrangement());
        model.put("renewalConditions", convention.getRenewalConditions());
        model.put("accompaniment", convention.getAccompaniment());
        model.put("accountability", convention.getAccountability());
        model.put("renewalOf", convention.getRenewalOf());
        return renderPdf(partner, dossier, model);
    }

    public Optional<Document> find(String number) {
        return jdbc.query("select convention_number, file_name, content, sha256, created_at, created_by "
                + "from convention_document where convention_number = ?", (rs, n) -> new Document(rs.getString(1),
                rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
                rs.getString(6)), number).stream().findFirst();
    }

    /**
     * A draft for the SGM before signing: the dossier's partner, object and domains, and whatever the
     * signature form holds so far ({@code typed}: process variables of Task_SignConvention); blanks are
     * shown as « à compléter ». Not stored.
     */
    @Transactional(readOnly = true)
    public byte[] draft(Dossier dossier, Map<String, Object> typed) {
        Partner partner = partners.findById(dossier.getPartnerId()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("draft", true);
        model.put("number", "CONV-" + LocalDate.now(clock).getYear() + "-…");
        Object signedOn = typed.get("signedOn");
        model.put("signedOn", signedOn == null ? "…" : String.valueOf(signedOn));
        Object duration = typed.get("durationMonths");
        model.put("durationMonths", duration == null ? dossier.getRequestedDurationMonths() : duration);
        model.put("startDate", "la date de signature");
        model.put("endDate", "…");
        model.put("partnerSignatory", typed.get("partnerSignatory"));
        model.put("domains", labels(ReferenceCategory.DOMAIN, dossier.getDomains()));
        for (String key : List.of("obligations", "monitoringArrangement", "renewalConditions", "accompaniment",
                "accountability")) {
            model.put(key, typed.get(key));
        }
        model.put("renewalOf", dossier.getRenewalOf());
        return renderPdf(partner, dossier, model);
    }

    private byte[] renderPdf(Partner partner, Dossier dossier, Map<String, Object> model) {
        model.put("partner", partner);
        model.put("partnerKindLabel", partner.getKind() == null ? "" : switch (partner.getKind()) {
            case OSC -> "organisation de la société civile";
            case PTF -> "partenaire technique et financier";
        });
        model.put("object", dossier == null || dossier.getCooperationObject() == null
                ? null : dossier.getCooperationObject());
        model.put("axes", dossier == null ? List.of() : labels(ReferenceCategory.COOPERATION_AXIS, dossier.getAxes()));
        model.put("departments", dossier == null ? List.of() : labels(ReferenceCategory.DEPARTMENT, dossier.getDepartments()));
        model.put("dossierReference", dossier == null ? null : dossier.getReference());
        model.put("applicableLaw", settings.getApplicableLaw());
        model.put("signaturePlace", settings.getSignaturePlace());
        model.put("settings", settings);
        String html = templates.render(TEMPLATE, model).html();
        return pdf.render(html);
    }

    private List<String> labels(ReferenceCategory category, Set<String> codes) {
        if (codes == null) {
            return List.of();
        }
        return codes.stream().map(code -> reference.label(category, code)).collect(Collectors.toList());
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
