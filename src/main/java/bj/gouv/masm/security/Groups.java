package bj.gouv.masm.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Camunda group ids of docs/contract.md; rights are granted to groups, never to users. */
public final class Groups {

    public static final String DPAF = "dpaf";
    public static final String SGM = "sgm";
    public static final String OFFE = "offe";
    public static final String CABINET = "cabinet";
    public static final String MANAGERS = "managers";
    public static final String ANALYSTS = "analysts";
    public static final String ADMINS = "camunda-admin";
    public static final String CPS_PREFIX = "cps-";

    public static final List<String> DEPARTMENTS = List.of("ALIBORI", "ATACORA", "ATLANTIQUE", "BORGOU",
            "COLLINES", "COUFFO", "DONGA", "LITTORAL", "MONO", "OUEME", "PLATEAU", "ZOU");

    private Groups() {
    }

    /** The CPS group of a department code: {@code BORGOU} → {@code cps-borgou}. */
    public static String cps(String department) {
        return CPS_PREFIX + department.toLowerCase(Locale.ROOT);
    }

    /** The department of a CPS group, or null: {@code cps-borgou} → {@code BORGOU}. */
    public static String departmentOf(String group) {
        if (group == null || !group.startsWith(CPS_PREFIX)) {
            return null;
        }
        String department = group.substring(CPS_PREFIX.length()).toUpperCase(Locale.ROOT);
        return DEPARTMENTS.contains(department) ? department : null;
    }

    public static List<String> cpsGroups() {
        return DEPARTMENTS.stream().map(Groups::cps).toList();
    }

    public static List<String> centralGroups() {
        return Arrays.asList(DPAF, SGM, OFFE, CABINET, MANAGERS, ANALYSTS);
    }
}
