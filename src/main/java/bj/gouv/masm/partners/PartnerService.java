package bj.gouv.masm.partners;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.ApiException.FieldError;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.TextNormalizer;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner registry: create, change, read and search partners. Every change is checked by
 * {@link PartnerValidator} and {@link PartnerAccess}, refused on a duplicate, stamped with the
 * acting user and recorded in the audit trail. Other features read partners through this service.
 */
@Service
@RequiredArgsConstructor
public class PartnerService {

    public static final String AUDIT_ENTITY = "Partner";
    public static final String ACTION_CREATE = "CREATE";
    public static final String ACTION_UPDATE = "UPDATE";
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    /** What a save did. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    public record Saved(Partner partner, Outcome outcome) {
    }

    private final PartnerRepository repository;
    private final PartnerValidator validator;
    private final PartnerAccess access;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    @Transactional
    public Partner create(PartnerRequest request) {
        access.requireWriter();
        PartnerData data = validator.validate(request);
        return save(null, data, "API").partner();
    }

    /** Replaces every field of the partner (PUT); an identical request changes nothing. */
    @Transactional
    public Saved update(long id, PartnerRequest request) {
        access.requireWriter();
        Partner existing = find(id);
        access.requireEdit(existing);
        PartnerData data = validator.validate(request);
        return save(existing, data, "API");
    }

    @Transactional(readOnly = true)
    public Partner get(long id) {
        return find(id);
    }

    @Transactional(readOnly = true)
    public Optional<Partner> findById(long id) {
        return repository.findById(id);
    }

    /**
     * The partner a row or request designates: same registration number, else same normalised
     * name and kind.
     */
    @Transactional(readOnly = true)
    public Optional<Partner> findMatch(String registrationNumber, String name, PartnerKind kind) {
        String number = PartnerValidator.clean(registrationNumber);
        if (number != null) {
            Optional<Partner> byNumber = repository.findByRegistrationNumber(number.replaceAll("\\s+", " "));
            if (byNumber.isPresent()) {
                return byNumber;
            }
        }
        if (name == null || kind == null) {
            return Optional.empty();
        }
        return repository.findByNormalisedNameAndKind(TextNormalizer.normalise(name), kind);
    }

    /**
     * Writes checked data: a new partner when {@code existing} is null, else a change of it (nothing
     * at all when the data is the same). Checks access and duplicates; stamps and audits the change.
     */
    @Transactional
    public Saved save(Partner existing, PartnerData data, String source) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String actor = currentActor.userId();
        if (existing == null) {
            Partner partner = data.toNewPartner();
            access.requireEdit(partner);
            refuseDuplicates(data, null);
            partner.touch(actor, now);
            Partner saved = repository.save(partner);
            auditTrail.record(AUDIT_ENTITY, saved.getId(), ACTION_CREATE,
                    "Création (" + source + ") : " + saved.getName());
            return new Saved(saved, Outcome.CREATED);
        }
        PartnerData before = PartnerData.of(existing);
        Set<String> changed = data.differencesFrom(before);
        if (changed.isEmpty()) {
            return new Saved(existing, Outcome.UNCHANGED);
        }
        access.requireEdit(existing);
        refuseDuplicates(data, existing.getId());
        data.applyTo(existing);
        // a CPS may not move a partner out of its own departments either
        access.requireEdit(existing);
        existing.touch(actor, now);
        Partner saved = repository.save(existing);
        auditTrail.record(AUDIT_ENTITY, saved.getId(), ACTION_UPDATE,
                "Modification (" + source + ") : " + String.join(", ", changed));
        return new Saved(saved, Outcome.UPDATED);
    }

    @Transactional(readOnly = true)
    public Page<Partner> search(PartnerSearch search, int page, int size) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "La page doit être positive ou nulle"));
        }
        if (size < 1) {
            errors.add(new FieldError("size", "La taille de page doit être au moins 1"));
        }
        String department = filterCode(errors, "department", ReferenceCategory.DEPARTMENT, search.department());
        String domain = filterCode(errors, "domain", ReferenceCategory.DOMAIN, search.domain());
        PartnerKind kind = null;
        String kindText = PartnerValidator.clean(search.kind());
        if (kindText != null) {
            kind = PartnerValidator.parseKind(kindText).orElse(null);
            if (kind == null) {
                errors.add(new FieldError("kind", "Type de partenaire inconnu « " + kindText + " » : PTF ou OSC attendu"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Specification<Partner> spec = matching(department, domain, kind, PartnerValidator.clean(search.q()));
        PageRequest pageable = PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE),
                Sort.by("normalisedName", "id"));
        return repository.findAll(spec, pageable);
    }

    private static Specification<Partner> matching(String department, String domain, PartnerKind kind, String q) {
        return (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (department != null) {
                predicates.add(ActiveInDepartment.specification(department).toPredicate(root, query, cb));
            }
            if (domain != null) {
                predicates.add(cb.isMember(domain, root.<Set<String>>get("domains")));
            }
            if (kind != null) {
                predicates.add(cb.equal(root.get("kind"), kind));
            }
            if (q != null) {
                String name = "%" + escapeLike(TextNormalizer.normalise(q)) + "%";
                String raw = "%" + escapeLike(q.toLowerCase(java.util.Locale.ROOT)) + "%";
                predicates.add(cb.or(cb.like(root.get("normalisedName"), name, '\\'),
                        cb.like(cb.lower(root.get("acronym")), raw, '\\'),
                        cb.like(cb.lower(root.get("registrationNumber")), raw, '\\')));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private String filterCode(List<FieldError> errors, String field, ReferenceCategory category, String value) {
        String text = PartnerValidator.clean(value);
        if (text == null) {
            return null;
        }
        Optional<String> code = validator.resolve(category, text);
        if (code.isEmpty()) {
            errors.add(new FieldError(field, "Code inconnu « " + text + " »"));
        }
        return code.orElse(null);
    }

    private void refuseDuplicates(PartnerData data, Long selfId) {
        if (data.registrationNumber() != null) {
            repository.findByRegistrationNumber(data.registrationNumber())
                    .filter(other -> !other.getId().equals(selfId))
                    .ifPresent(other -> {
                        throw ApiException.conflict("Le numéro d'enregistrement « " + data.registrationNumber()
                                + " » est déjà celui du partenaire « " + other.getName() + " » (id " + other.getId() + ")");
                    });
        }
        repository.findByNormalisedNameAndKind(TextNormalizer.normalise(data.name()), data.kind())
                .filter(other -> !other.getId().equals(selfId))
                .ifPresent(other -> {
                    throw ApiException.conflict("Un partenaire " + data.kind() + " du même nom existe déjà : « "
                            + other.getName() + " » (id " + other.getId() + ")");
                });
    }

    private Partner find(long id) {
        return repository.findById(id)
                .orElseThrow(() -> ApiException.notFound("Partenaire introuvable : " + id));
    }
}
