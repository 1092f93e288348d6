package bj.gouv.masm.reviews;

import static bj.gouv.masm.reviews.ReviewFormException.FORM;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.security.process.OfficeGroups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.AuditTrail;
import bj.gouv.masm.shared.CurrentActor;
import bj.gouv.masm.shared.FormInput;
import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The recommendations register: creation from reviews, status changes, follow-up of overdue ones. */
@Service
public class RecommendationService {

    static final Set<RecommendationStatus> OPEN_STATUSES = EnumSet.of(RecommendationStatus.OPEN,
            RecommendationStatus.IN_PROGRESS);

    private final RecommendationRepository repository;
    private final AccessScope accessScope;
    private final OfficeGroups officeGroups;
    private final AuditTrail auditTrail;
    private final CurrentActor currentActor;
    private final Clock clock;

    public RecommendationService(RecommendationRepository repository, AccessScope accessScope, AuditTrail auditTrail,
                                 CurrentActor currentActor, Clock clock, OfficeGroups officeGroups) {
        this.officeGroups = officeGroups;
        this.repository = repository;
        this.accessScope = accessScope;
        this.auditTrail = auditTrail;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The groups a recommendation may be given to: the CPS offices and the central bodies. */
    public List<String> ownerGroups() {
        List<String> groups = new ArrayList<>(officeGroups.cpsGroups());
        groups.addAll(List.of(Groups.DPAF, Groups.SGM, Groups.OFFE, Groups.CABINET));
        return groups;
    }

    /**
     * Checks the recommendations entered in a form's dynamic list: text, responsible group and a due
     * date after the meeting are required for every line; entirely empty lines are ignored.
     */
    public List<RecommendationInput> validateFormItems(Object variable, LocalDate meetingDate) {
        List<RecommendationInput> inputs = new ArrayList<>();
        List<Map<String, Object>> items = FORM.objectList(variable, "Recommandations");
        int number = 0;
        for (Map<String, Object> item : items) {
            number++;
            String text = FormInput.optionalText(item.get(ReviewVariables.ITEM_TEXT));
            String owner = FormInput.optionalText(item.get(ReviewVariables.ITEM_OWNER));
            Object due = item.get(ReviewVariables.ITEM_DUE_DATE);
            if (text == null && owner == null && FormInput.optionalText(due) == null) {
                continue;
            }
            String prefix = "Recommandation n° " + number + " : ";
            if (text == null) {
                throw new ReviewFormException(prefix + "le texte est obligatoire.");
            }
            if (text.length() > 4000) {
                throw new ReviewFormException(prefix + "le texte est trop long (4000 caractères au plus).");
            }
            if (owner == null) {
                throw new ReviewFormException(prefix + "le responsable (service) est obligatoire.");
            }
            if (!ownerGroups().contains(owner)) {
                throw new ReviewFormException(prefix + "responsable inconnu « " + owner + " ».");
            }
            LocalDate dueDate;
            try {
                dueDate = FORM.requiredDate(due, "échéance");
            } catch (ReviewFormException e) {
                throw new ReviewFormException(prefix + e.getMessage());
            }
            if (meetingDate != null && !dueDate.isAfter(meetingDate)) {
                throw new ReviewFormException(prefix + "l'échéance doit être postérieure à la date de la réunion ("
                        + meetingDate + ").");
            }
            inputs.add(new RecommendationInput(text, owner, dueDate));
        }
        return inputs;
    }

    @Transactional
    public List<Recommendation> createAll(RecommendationSource source, String sourceKey, String department,
                                          List<RecommendationInput> inputs) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Recommendation> created = new ArrayList<>();
        for (RecommendationInput input : inputs) {
            Recommendation recommendation = new Recommendation(source, sourceKey, department, input.text(),
                    input.owner(), input.dueDate());
            recommendation.touch(currentActor.userId(), now);
            repository.save(recommendation);
            auditTrail.record("Recommendation", recommendation.getId(), "CREATED",
                    source + " " + sourceKey + " → " + input.owner() + ", échéance " + input.dueDate());
            created.add(recommendation);
        }
        return created;
    }

    /** Still-open recommendations of the department's departmental reviews held before the given half-year. */
    @Transactional(readOnly = true)
    public List<Recommendation> openFromEarlierReviews(String department, HalfYear current) {
        Specification<Recommendation> spec = (root, query, cb) -> cb.and(
                cb.equal(root.get("sourceType"), RecommendationSource.DEPARTMENTAL_REVIEW),
                cb.equal(root.get("department"), department),
                root.get("status").in(OPEN_STATUSES));
        return repository.findAll(spec).stream()
                .filter(r -> halfYearOfKey(r.getSourceKey()).map(h -> h.compareTo(current) < 0).orElse(false))
                .sorted(Comparator.comparing(Recommendation::getDueDate).thenComparing(Recommendation::getId))
                .toList();
    }

    private static java.util.Optional<HalfYear> halfYearOfKey(String reviewKey) {
        int underscore = reviewKey.lastIndexOf('_');
        String suffix = underscore < 0 ? reviewKey : reviewKey.substring(underscore + 1);
        return HalfYear.isKey(suffix) ? java.util.Optional.of(HalfYear.parse(suffix)) : java.util.Optional.empty();
    }

    /** Human-readable list for a form ("point sur les recommandations précédentes"). */
    public static String describe(List<Recommendation> recommendations) {
        if (recommendations.isEmpty()) {
            return "Aucune recommandation en cours issue des revues précédentes.";
        }
        StringBuilder text = new StringBuilder();
        for (Recommendation r : recommendations) {
            text.append("• [").append(r.getStatus().label()).append("] ").append(r.getText())
                    .append(" — responsable : ").append(r.getOwnerGroup())
                    .append(", échéance : ").append(r.getDueDate())
                    .append(" (").append(r.getSourceKey()).append(", n° ").append(r.getId()).append(")\n");
        }
        return text.toString().trim();
    }

    // ---- register (REST) ----

    @Transactional(readOnly = true)
    public Page<Recommendation> search(RecommendationStatus status, String owner, String department, String sourceKey,
                                       int page, int size) {
        Specification<Recommendation> spec = (root, query, cb) -> {
            List<Predicate> predicates = new ArrayList<>();
            if (status != null) {
                predicates.add(cb.equal(root.get("status"), status));
            }
            if (owner != null && !owner.isBlank()) {
                predicates.add(cb.equal(root.get("ownerGroup"), owner.trim()));
            }
            if (department != null && !department.isBlank()) {
                predicates.add(cb.equal(root.get("department"), department.trim()));
            }
            if (sourceKey != null && !sourceKey.isBlank()) {
                predicates.add(cb.equal(root.get("sourceKey"), sourceKey.trim()));
            }
            if (!accessScope.seesAllDepartments()) {
                // a CPS sees its departments' recommendations and those given to its office
                Set<String> departments = accessScope.cpsDepartments();
                List<String> groups = departments.stream().map(Groups::cps).toList();
                predicates.add(departments.isEmpty() ? cb.disjunction()
                        : cb.or(root.get("department").in(departments), root.get("ownerGroup").in(groups)));
            }
            return cb.and(predicates.toArray(Predicate[]::new));
        };
        return repository.findAll(spec, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200),
                Sort.by("dueDate", "id")));
    }

    @Transactional(readOnly = true)
    public Recommendation get(Long id) {
        Recommendation recommendation = repository.findById(id)
                .orElseThrow(() -> ApiException.notFound("Recommandation introuvable : " + id));
        if (!isVisible(recommendation)) {
            throw ApiException.notFound("Recommandation introuvable : " + id);
        }
        return recommendation;
    }

    private boolean isVisible(Recommendation r) {
        return accessScope.seesAllDepartments() || accessScope.canSeeDepartment(r.getDepartment())
                || accessScope.isMember(r.getOwnerGroup());
    }

    /** A status change over the API: by the owner group, DPAF or an administrator. */
    @Transactional
    public Recommendation updateStatusByApi(Long id, RecommendationStatus status, String reason, LocalDate newDueDate) {
        Recommendation recommendation = get(id);
        if (!accessScope.isMemberOrAdmin(recommendation.getOwnerGroup(), Groups.DPAF)) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "Seuls le responsable (" + recommendation.getOwnerGroup() + ") et la DPAF peuvent modifier cette recommandation");
        }
        try {
            return changeStatus(recommendation, status, reason, newDueDate);
        } catch (ReviewFormException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** A status change from a follow-up task (the candidate group is the owner). */
    @Transactional
    public Recommendation updateStatusFromTask(Long id, RecommendationStatus status, String reason, LocalDate newDueDate) {
        Recommendation recommendation = repository.findById(id)
                .orElseThrow(() -> new ReviewFormException("Recommandation introuvable : " + id));
        return changeStatus(recommendation, status, reason, newDueDate);
    }

    private Recommendation changeStatus(Recommendation recommendation, RecommendationStatus status, String reason,
                                        LocalDate newDueDate) {
        if (status == null) {
            throw new ReviewFormException("Le nouveau statut est obligatoire (OPEN, IN_PROGRESS, DONE ou DROPPED).");
        }
        String cleanReason = reason == null || reason.isBlank() ? null : reason.trim();
        if (status == RecommendationStatus.DROPPED && cleanReason == null) {
            throw new ReviewFormException("Le motif est obligatoire pour abandonner une recommandation.");
        }
        if (cleanReason != null && cleanReason.length() > 2000) {
            throw new ReviewFormException("Le motif est trop long (2000 caractères au plus).");
        }
        if (recommendation.getStatus().isClosed() && recommendation.getStatus() != status) {
            throw new ReviewFormException("La recommandation n° " + recommendation.getId() + " est déjà close ("
                    + recommendation.getStatus().label() + ").");
        }
        LocalDate today = LocalDate.now(clock);
        if (newDueDate != null && !newDueDate.isAfter(today)) {
            throw new ReviewFormException("La nouvelle échéance doit être postérieure à aujourd'hui (" + today + ").");
        }
        RecommendationStatus previous = recommendation.getStatus();
        OffsetDateTime now = OffsetDateTime.now(clock);
        recommendation.changeStatus(status, cleanReason, now);
        if (newDueDate != null && !status.isClosed()) {
            recommendation.setDueDate(newDueDate);
        }
        recommendation.touch(currentActor.userId(), now);
        repository.saveAndFlush(recommendation);
        auditTrail.record("Recommendation", recommendation.getId(), "STATUS_CHANGED", previous + " → " + status
                + (cleanReason == null ? "" : " : " + cleanReason)
                + (newDueDate == null ? "" : " (nouvelle échéance " + newDueDate + ")"));
        return recommendation;
    }

    // ---- follow-up of overdue recommendations ----

    /** Claims every overdue recommendation without an open follow-up; returns the claimed ids. */
    @Transactional
    public List<Long> claimOverdueFollowUps() {
        LocalDate today = LocalDate.now(clock);
        List<Long> claimed = new ArrayList<>();
        for (Long id : repository.findOverdueWithoutFollowUp(OPEN_STATUSES, today)) {
            if (repository.claimFollowUp(id) == 1) {
                claimed.add(id);
                auditTrail.record("Recommendation", id, "FOLLOW_UP_OPENED", "Recommandation en retard : relance du responsable");
            }
        }
        return claimed;
    }

    @Transactional
    public void releaseFollowUp(Long id) {
        repository.findById(id).ifPresent(r -> {
            r.setFollowUpOpen(false);
            repository.save(r);
        });
    }

    @Transactional(readOnly = true)
    public Recommendation find(Long id) {
        return repository.findById(id).orElseThrow(() -> new ReviewFormException("Recommandation introuvable : " + id));
    }

    /** The candidate group of a follow-up task: the recommendation's owner. */
    public String ownerGroup(Object recommendationId) {
        return find(Long.valueOf(recommendationId.toString())).getOwnerGroup();
    }
}
