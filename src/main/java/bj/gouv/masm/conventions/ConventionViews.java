package bj.gouv.masm.conventions;

import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.PageResponse;
import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conventions as the API shows them ({@link ConventionView}): one, a filtered page, or the convention after a
 * DPAF decision. A CPS user sees the conventions of its own departments only (AccessScope): any other is
 * "not found".
 */
@Service
@RequiredArgsConstructor
public class ConventionViews {

    static final int MAX_PAGE_SIZE = 200;

    private final ConventionRepository conventions;
    private final ConventionService service;
    private final AccessScope scope;

    @Transactional(readOnly = true)
    public ConventionView get(String number) {
        Convention convention = conventions.findByNumber(number)
                .filter(c -> scope.canSeeDepartment(c.getDepartment()))
                .orElseThrow(() -> ApiException.notFound("Convention inconnue : " + number));
        return view(convention);
    }

    /** Conventions by signature date, newest first; status and department as codes (any case). */
    @Transactional(readOnly = true)
    public PageResponse<ConventionView> list(Long partnerId, String status, String department, int page, int size) {
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

    /** Runs a decision on a convention and answers the convention after it, in one transaction. */
    @Transactional
    public ConventionView decide(Supplier<Convention> decision) {
        return view(decision.get());
    }

    private ConventionView view(Convention convention) {
        return ConventionView.of(convention, service.historyOf(convention.getNumber()),
                service.evaluationsOf(convention.getNumber()));
    }
}
