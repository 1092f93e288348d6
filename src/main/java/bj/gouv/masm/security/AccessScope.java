package bj.gouv.masm.security;

import bj.gouv.masm.shared.CurrentActor;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The one rule set for "who may see and act where" in our own API: CPS staff are confined to
 * their departments; central groups see everything. Controllers and services ask here instead
 * of checking groups themselves.
 */
@Component
public class AccessScope {

    private static final Set<String> NATIONAL_GROUPS = Set.of(Groups.DPAF, Groups.SGM, Groups.OFFE,
            Groups.CABINET, Groups.MANAGERS, Groups.ANALYSTS, Groups.ADMINS);

    private final CurrentActor currentActor;

    public AccessScope(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

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
            String department = Groups.departmentOf(group);
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

    /** Managers and analysts watch; they change no case data. */
    public boolean isReadOnly() {
        return !CurrentActor.SYSTEM.equals(userId()) && groups().stream()
                .noneMatch(g -> Groups.departmentOf(g) != null || Set.of(Groups.DPAF, Groups.SGM, Groups.OFFE,
                        Groups.CABINET, Groups.ADMINS).contains(g));
    }
}
