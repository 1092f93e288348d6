package bj.gouv.masm.reporting.regularisation;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reporting.CpsSupportService;
import bj.gouv.masm.reporting.ReportingFormException;
import bj.gouv.masm.reporting.ReportingNotifications;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.TextNormalizer;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An OSC a CPS found active without accreditation: matched in the registry (registration number,
 * else name) or registered, invited to file a convention dossier, followed up, closed when it files.
 */
@Service
@RequiredArgsConstructor
public class OscRegularisationService {

    private final JdbcTemplate jdbc;
    private final PartnerRepository partners;
    private final ReferenceDataService reference;
    private final CpsSupportService cpsSupport;
    private final ReportingNotifications notifications;
    private final AccessScope accessScope;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public record Report(String oscName, String registrationNumber, String organisationType, String department,
                         String contactName, String email, String phone, String observedActivity) {
    }

    public record Registration(Long regularisationId, Long partnerId, String partnerName, boolean partnerMatched,
                               boolean alreadyAccredited) {
    }

    public record Regularisation(Long id, Long partnerId, String department, String status, int invitations,
                                 boolean partnerMatched, String dossierReference) {
    }

    @Transactional
    public Registration register(Report report, String processInstanceId) {
        List<String> errors = new ArrayList<>();
        String name = report.oscName() == null ? "" : report.oscName().trim();
        if (name.isEmpty()) {
            errors.add("Le nom de l'OSC est obligatoire.");
        }
        if (!reference.isValid(ReferenceCategory.DEPARTMENT, report.department())) {
            errors.add("Choisissez le département où l'OSC a été trouvée active.");
        } else if (!accessScope.canSeeDepartment(report.department())) {
            errors.add("Vous ne pouvez signaler une OSC que dans le département de votre CPS.");
        }
        String type = report.organisationType() == null || report.organisationType().isBlank() ? "NATIONAL_NGO"
                : report.organisationType();
        if (!reference.isValid(ReferenceCategory.ORGANISATION_TYPE, type)) {
            errors.add("Type d'organisation inconnu : " + type + ".");
        }
        String registration = report.registrationNumber() == null || report.registrationNumber().isBlank() ? null
                : report.registrationNumber().trim();
        Optional<Partner> match = Optional.empty();
        if (errors.isEmpty() && registration != null) {
            match = partners.findByRegistrationNumber(registration);
            if (match.isPresent() && match.get().getKind() != PartnerKind.OSC) {
                errors.add("Le numéro d'enregistrement " + registration + " appartient à un PTF, pas à une OSC.");
            }
        }
        if (!errors.isEmpty()) {
            throw new ReportingFormException(String.join(" ", errors));
        }
        if (match.isEmpty()) {
            match = partners.findByNormalisedNameAndKind(TextNormalizer.normalise(name), PartnerKind.OSC);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        boolean matched = match.isPresent();
        Partner partner = match.orElseGet(() -> {
            Partner created = new Partner(name, PartnerKind.OSC, type);
            created.setRegistrationNumber(registration);
            created.setHeadOfficeDepartment(report.department());
            created.setDepartments(Set.of(report.department()));
            created.setContactName(blankToNull(report.contactName()));
            created.setEmail(blankToNull(report.email()));
            created.setPhone(blankToNull(report.phone()));
            created.touch(actor, now);
            Partner saved = partners.saveAndFlush(created);
            auditTrail.record("Partner", saved.getId(), "REGISTERED", "OSC enregistrée lors d'un signalement du CPS");
            return saved;
        });
        boolean accredited = cpsSupport.conventionInForce(partner.getId(), LocalDate.now(clock)).isPresent();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("insert into osc_regularisation (partner_id, department, "
                    + "observed_activity, partner_matched, status, invitations, process_instance_id, closed_at, created_at, "
                    + "created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, partner.getId());
            ps.setString(2, report.department());
            ps.setString(3, blankToNull(report.observedActivity()));
            ps.setBoolean(4, matched);
            ps.setString(5, accredited ? "ALREADY_ACCREDITED" : "OPEN");
            ps.setString(6, processInstanceId);
            ps.setObject(7, accredited ? now : null);
            ps.setObject(8, now);
            ps.setString(9, actor);
            ps.setObject(10, now);
            ps.setString(11, actor);
            return ps;
        }, keys);
        Long id = keys.getKey().longValue();
        auditTrail.record("OscRegularisation", id, accredited ? "ALREADY_ACCREDITED" : "OPENED",
                "OSC « " + partner.getName() + " » signalée active sans agrément dans " + report.department());
        return new Registration(id, partner.getId(), partner.getName(), matched, accredited);
    }

    /** The invitation to file a dossier, in the mail log; counts the invitations. */
    @Transactional
    public void invite(Long regularisationId) {
        Regularisation r = get(regularisationId);
        Partner partner = partners.findById(r.partnerId()).orElseThrow();
        String departmentLabel = reference.label(ReferenceCategory.DEPARTMENT, r.department());
        String body = "Madame, Monsieur,\n\n"
                + "Le Centre de Promotion Sociale (CPS) du département " + departmentLabel + " a constaté que "
                + partner.getName() + " mène des activités dans le secteur des affaires sociales et de la microfinance "
                + "sans convention avec le Ministère des Affaires Sociales et de la Microfinance.\n\n"
                + "Conformément au document cadre de coopération, toute OSC intervenant dans le secteur doit signer une "
                + "convention avec le Ministère, et aucun CPS ne peut appuyer une OSC qui n'en a pas. Nous vous invitons à "
                + "déposer votre dossier de demande de convention auprès du CPS " + departmentLabel + ".\n\n"
                + "Veuillez agréer nos salutations distinguées.\nLe Centre de Promotion Sociale " + departmentLabel;
        String subject = (r.invitations() == 0 ? "Invitation" : "Relance") + " : dépôt d'un dossier de convention auprès du CPS "
                + departmentLabel;
        notifications.notifyPartner(partner.getId(), ReportingNotifications.REGULARISATION_INVITATION, subject, body,
                "REG-" + regularisationId);
        jdbc.update("update osc_regularisation set invitations = invitations + 1, updated_at = ?, updated_by = ?, "
                + "version = version + 1 where id = ?", OffsetDateTime.now(clock), currentActor.userId(), regularisationId);
        auditTrail.record("OscRegularisation", regularisationId, "INVITED", subject);
    }

    @Transactional
    public void close(Long regularisationId, String status, String dossierReference) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.update("update osc_regularisation set status = ?, dossier_reference = ?, closed_at = ?, updated_at = ?, "
                        + "updated_by = ?, version = version + 1 where id = ?",
                status, dossierReference, now, now, currentActor.userId(), regularisationId);
        auditTrail.record("OscRegularisation", regularisationId, status,
                dossierReference == null ? null : "Dossier déposé : " + dossierReference);
    }

    public Regularisation get(Long id) {
        return jdbc.queryForObject("select id, partner_id, department, status, invitations, partner_matched, dossier_reference "
                        + "from osc_regularisation where id = ?",
                (rs, n) -> new Regularisation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getBoolean(6), rs.getString(7)), id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
