package bj.gouv.masm.security.process;

import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import bj.gouv.masm.security.Groups;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The offices' Camunda groups, for Java and for the models: {@code camunda:candidateGroups="${officeGroups.cps(department)}"}
 * gives a department's task to its CPS (the rule {@code cps-<department>} itself is {@link Groups#cps}). The
 * departments are the reference list {@code ref_department}, not a list written in the code.
 */
@Component("officeGroups")
@RequiredArgsConstructor
public class OfficeGroups {

    private final ReferenceDataService reference;

    /** The CPS group of a department code: {@code BORGOU} → {@code cps-borgou}. */
    public String cps(String department) {
        return Groups.cps(department);
    }

    /** The department codes of {@code ref_department}, in its order. */
    public List<String> departments() {
        return reference.list(ReferenceCategory.DEPARTMENT).stream().map(ReferenceItem::code).toList();
    }

    /** One CPS group per department. */
    public List<String> cpsGroups() {
        return departments().stream().map(Groups::cps).toList();
    }

    /** The department of a CPS group, or null when the group is no CPS of a known department. */
    public String departmentOf(String group) {
        String department = Groups.departmentOf(group);
        return department != null && departments().contains(department) ? department : null;
    }
}
