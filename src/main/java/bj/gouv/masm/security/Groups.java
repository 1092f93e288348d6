package bj.gouv.masm.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Camunda group ids of docs/contract.md; rights are granted to groups, never to users. The departments (and so
 * the CPS groups) are the reference list {@code ref_department}: {@link bj.gouv.masm.security.process.OfficeGroups}.
 */
public final class Groups {

    public static final String DPAF = "dpaf";
    public static final String SGM = "sgm";
    public static final String OFFE = "offe";
    public static final String CABINET = "cabinet";
    public static final String MANAGERS = "managers";
    public static final String ANALYSTS = "analysts";
    public static final String ADMINS = "camunda-admin";
    public static final String CPS_PREFIX = "cps-";

    private Groups() {
    }

    /** The CPS group of a department code: {@code BORGOU} → {@code cps-borgou}. */
    public static String cps(String department) {
        return CPS_PREFIX + department.toLowerCase(Locale.ROOT);
    }

    /**
     * The department code a CPS group names, or null: {@code cps-borgou} → {@code BORGOU} (whether that department
     * exists is {@link bj.gouv.masm.security.process.OfficeGroups#departmentOf}).
     */
    public static String departmentOf(String group) {
        if (group == null || !group.startsWith(CPS_PREFIX) || group.length() == CPS_PREFIX.length()) {
            return null;
        }
        return group.substring(CPS_PREFIX.length()).toUpperCase(Locale.ROOT);
    }

    public static List<String> centralGroups() {
        return Arrays.asList(DPAF, SGM, OFFE, CABINET, MANAGERS, ANALYSTS);
    }
}
