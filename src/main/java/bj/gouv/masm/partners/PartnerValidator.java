package bj.gouv.masm.partners;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.ApiException.FieldError;
import bj.gouv.masm.shared.TextNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The registry's rules for one partner, shared by the API, the CSV import and the demo data:
 * every error is collected (the caller sees them all at once), codes must exist in the reference
 * tables (French labels are accepted and turned into codes), an OSC needs a registration number and
 * a head office (defaulted to its only department of intervention).
 */
@Component
@RequiredArgsConstructor
public class PartnerValidator {

    public static final int NAME_MAX = 200;
    public static final int ACRONYM_MAX = 40;
    public static final int REGISTRATION_NUMBER_MAX = 60;
    public static final int CONTACT_NAME_MAX = 160;
    public static final int EMAIL_MAX = 160;
    public static final int PHONE_MAX = 40;
    public static final int ADDRESS_MAX = 300;

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern PHONE = Pattern.compile("^[+0-9][0-9 .()\\-/]*$");
    private static final Map<String, PartnerKind> KINDS = Map.of(
            "ptf", PartnerKind.PTF,
            "partenaire_technique_et_financier", PartnerKind.PTF,
            "osc", PartnerKind.OSC,
            "organisation_de_la_societe_civile", PartnerKind.OSC);

    private final ReferenceDataService referenceData;

    Optional<String> resolve(ReferenceCategory category, String codeOrLabel) {
        return referenceData.resolve(category, codeOrLabel);
    }

    /** Checked, canonical data, or an {@link ApiException} (400) listing every field error. */
    public PartnerData validate(PartnerRequest request) {
        Result result = check(request);
        if (!result.errors().isEmpty()) {
            throw ApiException.invalid(result.errors());
        }
        return result.data();
    }

    public record Result(PartnerData data, List<FieldError> errors) {
    }

    public Result check(PartnerRequest r) {
        List<FieldError> errors = new ArrayList<>();
        forbiddenCharacters(errors, r);

        String name = clean(r.name());
        if (name == null) {
            errors.add(new FieldError("name", "Le nom est obligatoire"));
        } else {
            name = name.replaceAll("\\s+", " ");
            maxLength(errors, "name", "Le nom", name, NAME_MAX);
        }
        String acronym = clean(r.acronym());
        maxLength(errors, "acronym", "Le sigle", acronym, ACRONYM_MAX);

        PartnerKind kind = null;
        String kindText = clean(r.kind());
        if (kindText == null) {
            errors.add(new FieldError("kind", "Le type de partenaire est obligatoire (PTF ou OSC)"));
        } else {
            kind = parseKind(kindText).orElse(null);
            if (kind == null) {
                errors.add(new FieldError("kind", "Type de partenaire inconnu « " + kindText + " » : PTF ou OSC attendu"));
            }
        }

        String organisationType = null;
        String organisationTypeText = clean(r.organisationType());
        if (organisationTypeText == null) {
            errors.add(new FieldError("organisationType", "Le type d'organisation est obligatoire"));
        } else {
            organisationType = resolve(ReferenceCategory.ORGANISATION_TYPE, organisationTypeText).orElse(null);
            if (organisationType == null) {
                errors.add(new FieldError("organisationType", "Type d'organisation inconnu « " + organisationTypeText + " »"));
            }
        }

        String registrationNumber = clean(r.registrationNumber());
        if (registrationNumber != null) {
            registrationNumber = registrationNumber.replaceAll("\\s+", " ");
            maxLength(errors, "registrationNumber", "Le numéro d'enregistrement", registrationNumber, REGISTRATION_NUMBER_MAX);
        } else if (kind == PartnerKind.OSC) {
            errors.add(new FieldError("registrationNumber", "Le numéro d'enregistrement est obligatoire pour une OSC"));
        }

        SortedSet<String> subSectors = codes(errors, "subSectors", ReferenceCategory.SUB_SECTOR,
                "Sous-secteur inconnu", "Sous-secteurs inconnus", r.subSectors());
        SortedSet<String> domains = codes(errors, "domains", ReferenceCategory.DOMAIN,
                "Domaine inconnu", "Domaines inconnus", r.domains());
        SortedSet<String> targetGroups = codes(errors, "targetGroups", ReferenceCategory.TARGET_GROUP,
                "Groupe cible inconnu", "Groupes cibles inconnus", r.targetGroups());
        SortedSet<String> departments = codes(errors, "departments", ReferenceCategory.DEPARTMENT,
                "Département inconnu", "Départements inconnus", r.departments());
        boolean nationwide = Boolean.TRUE.equals(r.nationwide());

        String headOffice = null;
        String headOfficeText = clean(r.headOfficeDepartment());
        if (headOfficeText != null) {
            headOffice = resolve(ReferenceCategory.DEPARTMENT, headOfficeText).orElse(null);
            if (headOffice == null) {
                errors.add(new FieldError("headOfficeDepartment", "Département du siège inconnu « " + headOfficeText + " »"));
            }
        } else if (departments.size() == 1) {
            headOffice = departments.first();
        } else if (kind == PartnerKind.OSC) {
            errors.add(new FieldError("headOfficeDepartment", departments.isEmpty()
                    ? "Le département du siège est obligatoire pour une OSC"
                    : "Le département du siège est obligatoire pour une OSC active dans plusieurs départements"));
        }

        String contactName = clean(r.contactName());
        maxLength(errors, "contactName", "Le nom du contact", contactName, CONTACT_NAME_MAX);
        String email = clean(r.email());
        if (email != null) {
            if (!EMAIL.matcher(email).matches()) {
                errors.add(new FieldError("email", "Adresse e-mail invalide « " + email + " »"));
            } else {
                maxLength(errors, "email", "L'adresse e-mail", email, EMAIL_MAX);
            }
        }
        String phone = clean(r.phone());
        if (phone != null) {
            if (!PHONE.matcher(phone).matches()) {
                errors.add(new FieldError("phone", "Numéro de téléphone invalide « " + phone + " »"));
            } else {
                maxLength(errors, "phone", "Le téléphone", phone, PHONE_MAX);
            }
        }
        String address = clean(r.address());
        maxLength(errors, "address", "L'adresse", address, ADDRESS_MAX);

        PartnerData data = errors.isEmpty() ? new PartnerData(name, acronym, kind, organisationType, registrationNumber,
                headOffice, subSectors, domains, targetGroups, departments, nationwide, contactName, email, phone,
                address) : null;
        return new Result(data, List.copyOf(errors));
    }

    public static Optional<PartnerKind> parseKind(String text) {
        return Optional.ofNullable(text == null ? null : KINDS.get(TextNormalizer.key(text)));
    }

    private SortedSet<String> codes(List<FieldError> errors, String field, ReferenceCategory category, String one,
                                    String many, List<String> values) {
        SortedSet<String> codes = new TreeSet<>();
        if (values == null) {
            return codes;
        }
        List<String> unknown = new ArrayList<>();
        for (String value : values) {
            String text = clean(value);
            if (text == null) {
                continue;
            }
            resolve(category, text).ifPresentOrElse(codes::add, () -> unknown.add("« " + text + " »"));
        }
        if (!unknown.isEmpty()) {
            errors.add(new FieldError(field, (unknown.size() > 1 ? many : one) + " : " + String.join(", ", unknown)));
        }
        return codes;
    }

    /**
     * Characters XML 1.0 forbids (control characters...) are refused in every field: one such partner name
     * would break the IATI export.
     */
    private static void forbiddenCharacters(List<FieldError> errors, PartnerRequest r) {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("name", r.name());
        fields.put("acronym", r.acronym());
        fields.put("kind", r.kind());
        fields.put("organisationType", r.organisationType());
        fields.put("registrationNumber", r.registrationNumber());
        fields.put("headOfficeDepartment", r.headOfficeDepartment());
        fields.put("subSectors", r.subSectors());
        fields.put("domains", r.domains());
        fields.put("targetGroups", r.targetGroups());
        fields.put("departments", r.departments());
        fields.put("contactName", r.contactName());
        fields.put("email", r.email());
        fields.put("phone", r.phone());
        fields.put("address", r.address());
        fields.forEach((field, value) -> {
            List<?> values = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
            for (Object item : values) {
                String forbidden = item instanceof String text ? bj.gouv.masm.shared.XmlText.firstForbidden(text) : null;
                if (forbidden != null) {
                    errors.add(new FieldError(field, "Caractère interdit (" + forbidden
                            + ", caractère de contrôle) : retirez-le"));
                    return;
                }
            }
        });
    }

    private static void maxLength(List<FieldError> errors, String field, String what, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, what + " dépasse " + max + " caractères"));
        }
    }

    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.replace('\u00A0', ' ').trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
