package bj.gouv.masm.partners;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.security.AccessScope;
import bj.gouv.masm.security.Groups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.CurrentActor;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may change the registry (issue 3), in one place, on top of {@link AccessScope}: every
 * authenticated user reads it; DPAF, administrators (and the system) change any partner; a CPS
 * changes only partners active in its department(s) ({@link Partner#isActiveIn}); everybody else
 * (managers, analysts, SGM, OFFE, Cabinet) only reads.
 */
@Component
@RequiredArgsConstructor
public class PartnerAccess {

    private final AccessScope scope;
    private final ReferenceDataService referenceData;

    /** DPAF, administrators and the system change every partner. */
    public boolean editsAllPartners() {
        return CurrentActor.SYSTEM.equals(scope.userId()) || scope.isMemberOrAdmin(Groups.DPAF);
    }

    /** May the current user change the registry at all (before looking at a partner)? */
    public boolean mayWrite() {
        return editsAllPartners() || (!scope.isReadOnly() && !scope.cpsDepartments().isEmpty());
    }

    public boolean mayEdit(Partner partner) {
        if (editsAllPartners()) {
            return true;
        }
        return mayWrite() && scope.cpsDepartments().stream().anyMatch(partner::isActiveIn);
    }

    /** 403 unless the current user may change the registry. */
    public void requireWriter() {
        if (!mayWrite()) {
            throw new ApiException(HttpStatus.FORBIDDEN,
                    "Votre profil permet de consulter le registre des partenaires, pas de le modifier");
        }
    }

    /** 403 unless the current user may change this partner (checked before and after a change). */
    public void requireEdit(Partner partner) {
        requireWriter();
        if (!mayEdit(partner)) {
            throw new ApiException(HttpStatus.FORBIDDEN, refusal());
        }
    }

    /** The French explanation of a refused change, also used as an import row's reason. */
    public String refusal() {
        Set<String> departments = scope.cpsDepartments();
        String labels = departments.stream().map(d -> referenceData.label(ReferenceCategory.DEPARTMENT, d))
                .collect(Collectors.joining(", "));
        return "Vous ne pouvez créer ou modifier que les partenaires actifs dans votre département (" + labels + ")";
    }
}
