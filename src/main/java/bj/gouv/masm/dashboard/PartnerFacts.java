package bj.gouv.masm.dashboard;

import bj.gouv.masm.partners.ActiveInDepartment;
import java.util.Set;

/** What the dashboard needs to know about one partner, read in bulk (see SectorFigures). */
public record PartnerFacts(Long id, String name, String acronym, String kind, String organisationType,
                           String headOfficeDepartment, boolean nationwide, Set<String> subSectors, Set<String> domains,
                           Set<String> targetGroups, Set<String> departments, String conventionNumber,
                           Set<String> fundedCells) {

    /** A {@link #fundedCells} entry: department and domain of an activity the partner funds (PTF). */
    public static String cell(String department, String domain) {
        return department + "/" + domain;
    }

    /** Funds an activity (funded_activity, in the period shown) in this department and domain. */
    public boolean fundsIn(String department, String domain) {
        return fundedCells.contains(cell(department, domain));
    }

    public boolean hasConvention() {
        return conventionNumber != null;
    }

    /**
     * Active in the department ({@link ActiveInDepartment}: nationwide, head office or department of
     * intervention); the dashboard's "national" line counts the nationwide ones once more on their own.
     */
    public boolean isIn(String department) {
        return ActiveInDepartment.test(nationwide, headOfficeDepartment, departments, department);
    }

    public boolean matches(DashboardFilter f) {
        return (f.department() == null || isIn(f.department()))
                && (f.domain() == null || domains.contains(f.domain()))
                && (f.kind() == null || f.kind().equals(kind))
                && (f.subSector() == null || subSectors.contains(f.subSector()))
                && (f.targetGroup() == null || targetGroups.contains(f.targetGroup()))
                && (f.convention() == null || (f.convention().equals("ACTIVE") == hasConvention()))
                && (f.nationwide() == null || f.nationwide() == nationwide);
    }
}
