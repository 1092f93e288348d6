package bj.gouv.masm.conventions;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.PageResponse;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conventions, read-only (they are created and changed by the ConventionLifecycle process). A CPS user sees
 * the conventions of its own departments only (AccessScope): any other is "not found".
 */
@RestController
@RequestMapping("/api/conventions")
public class ConventionController {

    private static final int MAX_PAGE_SIZE = 200;

    private final ConventionRepository conventions;
    private final ConventionService service;
    private final AccessScope scope;

    public ConventionController(ConventionRepository conventions, ConventionService service, AccessScope scope) {
        this.conventions = conventions;
        this.service = service;
        this.scope = scope;
    }

    @GetMapping("/{number}")
    @Transactional(readOnly = true)
    public ConventionView get(@PathVariable String number) {
        Convention convention = conventions.findByNumber(number)
                .filter(c -> scope.canSeeDepartment(c.getDepartment()))
                .orElseThrow(() -> ApiException.notFound("Convention inconnue : " + number));
        return ConventionView.of(convention, service.historyOf(number), service.evaluationsOf(number));
    }

    @GetMapping
    @Transactional(readOnly = true)
    public PageResponse<ConventionView> list(@RequestParam(required = false) Long partnerId,
                                             @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String department,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("page >= 0 et size entre 1 et " + MAX_PAGE_SIZE);
        }
        ConventionStatus wantedStatus = null;
        if (status != null && !status.isBlank()) {
            try {
                wantedStatus = ConventionStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Statut inconnu : " + status + " (ACTIVE, SUSPENDED, REVOKED, EXPIRED, RENEWED, TERMINATED)");
            }
        }
        String wantedDepartment = department == null || department.isBlank() ? null
                : department.trim().toUpperCase(Locale.ROOT);
        Set<String> visible = scope.seesAllDepartments() ? null : scope.cpsDepartments();
        ConventionStatus s = wantedStatus;
        Specification<Convention> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (partnerId != null) {
                where.add(cb.equal(root.get("partnerId"), partnerId));
            }
            if (s != null) {
                where.add(cb.equal(root.get("status"), s));
            }
            if (wantedDepartment != null) {
                where.add(cb.equal(root.get("department"), wantedDepartment));
            }
            if (visible != null) {
                where.add(visible.isEmpty() ? cb.disjunction() : root.get("department").in(visible));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return PageResponse.of(conventions.findAll(spec, PageRequest.of(page, size,
                Sort.by(Sort.Order.desc("signedOn"), Sort.Order.desc("id")))), ConventionView::summary);
    }
}
