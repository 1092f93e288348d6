package bj.gouv.masm.security;

import bj.gouv.masm.security.process.OfficeGroups;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.CurrentActor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one rule set for "who may see and act where" in our own API: CPS staff are confined to
 * their departments; central groups see everything. Controllers and services ask here instead
 * of checking groups themselves.
 */
@Component
@RequiredArgsConstructor
public class AccessScope {

    private static final Set<String> NATIONAL_GROUPS = Set.of(Groups.DPAF, Groups.SGM, Groups.OFFE,
            Groups.CABINET, Groups.MANAGERS, Groups.ANALYSTS, Groups.ADMINS);

    private final CurrentActor currentActor;
    private final OfficeGroups officeGroups;

    public String userId() {
        return currentActor.userId();
    }

    public List<String> groups() {
        return currentActor.groupIds();
    }

    public boolean isMember(String group) {
        return groups().contains(group);
    }

    /** Timers and engine jobs act as "system" and see everything; so do the national groups. */
    public boolean seesAllDepartments() {
        if (CurrentActor.SYSTEM.equals(userId())) {
            return true;
        }
        return groups().stream().anyMatch(NATIONAL_GROUPS::contains);
    }

    /** The departments of the current user's CPS groups (empty for central users). */
    public Set<String> cpsDepartments() {
        Set<String> departments = new TreeSet<>();
        for (String group : groups()) {
            String department = officeGroups.departmentOf(group);
            if (department != null) {
                departments.add(department);
            }
        }
        return departments;
    }

    public boolean canSeeDepartment(String department) {
        return seesAllDepartments() || (department != null && cpsDepartments().contains(department));
    }

    public boolean isAdmin() {
        return isMember(Groups.ADMINS);
    }

    /** Administrators and members of any of these groups (the usual "DPAF or administrator" check). */
    public boolean isMemberOrAdmin(String... allowedGroups) {
        return isAdmin() || Arrays.stream(allowedGroups).anyMatch(this::isMember);
    }

    /**
     * Whether a user with these groups handles a department's case: CPS staff only their own department's,
     * DPAF and administrators every department's, users in no CPS group pass (a rule on a given group list,
     * for the engine side that reads the groups as Camunda Admin knows them).
     */
    public static boolean handlesDepartment(java.util.Collection<String> groups, String department) {
        boolean cps = groups.stream().anyMatch(g -> g.startsWith(Groups.CPS_PREFIX));
        boolean central = groups.contains(Groups.DPAF) || groups.contains(Groups.ADMINS);
        return !cps || central || groups.contains(Groups.cps(department));
    }

    /** Managers and analysts watch; they change no case data. */
    public boolean isReadOnly() {
        return !CurrentActor.SYSTEM.equals(userId()) && groups().stream()
                .noneMatch(g -> officeGroups.departmentOf(g) != null || Set.of(Groups.DPAF, Groups.SGM, Groups.OFFE,
                        Groups.CABINET, Groups.ADMINS).contains(g));
    }

    // ----- Refusals: the /api rule set (README, "Security and access") -----

    /** The message of every 404 hiding another department's record (same as a record that does not exist). */
    public static final String NOT_FOUND = "Introuvable";
    public static final String FORBIDDEN = "Action non autorisée pour votre profil";

    /**
     * A record of another department does not exist for a CPS user: 404, exactly as an unknown record
     * (conventions, reports, reviews). A record without department (a PTF's, followed centrally) is
     * visible to national groups only.
     */
    public void requireDepartment(String department) {
        if (!canSeeDepartment(department)) {
            throw ApiException.notFound(NOT_FOUND);
        }
    }

    /** Managers and analysts (and users in no working group) change no case data: 403. */
    public void requireCanWrite() {
        if (isReadOnly()) {
            throw forbidden();
        }
    }

    /** Only members of one of these groups (or administrators, or the system) may do this: 403 otherwise. */
    public void requireAnyGroup(String... allowedGroups) {
        if (CurrentActor.SYSTEM.equals(userId()) || isAdmin()) {
            return;
        }
        List<String> allowed = Arrays.asList(allowedGroups);
        if (groups().stream().noneMatch(allowed::contains)) {
            throw forbidden();
        }
    }

    /** For list queries: empty = no restriction; otherwise the only departments the user may see. */
    public Optional<Set<String>> departmentFilter() {
        return seesAllDepartments() ? Optional.empty() : Optional.of(cpsDepartments());
    }

    private static ApiException forbidden() {
        return new ApiException(HttpStatus.FORBIDDEN, FORBIDDEN);
    }
}
