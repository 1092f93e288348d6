package bj.gouv.masm.reference;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The reference lists a Camunda Form reads through {@code valuesKey} (issue 11 item 12): one variable
 * name per table, each a list of {@code {label, value}} as form-js wants it. {@link ReferenceListsPlugin}
 * sets those a task's form names when the task is created, so forms carry no copies that drift.
 */
@Service
@RequiredArgsConstructor
public class ReferenceFormLists {

    public static final String DEPARTMENTS = "refDepartments";
    public static final String COMMUNES = "refCommunes";
    public static final String DOMAINS = "refDomains";
    public static final String TARGET_GROUPS = "refTargetGroups";
    public static final String AXES = "refAxes";
    /** Offices that can own a recommendation: every department's CPS, then the central services. */
    public static final String GROUPS = "refGroups";

    public static final Set<String> KEYS = Set.of(DEPARTMENTS, COMMUNES, DOMAINS, TARGET_GROUPS, AXES, GROUPS);

    private final ReferenceDataService reference;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<OwnerOffices> owners;

    /** The options of a reference list, or null when the key names none. */
    public List<Map<String, String>> options(String key) {
        return switch (key) {
            case DEPARTMENTS -> items(ReferenceCategory.DEPARTMENT);
            case DOMAINS -> items(ReferenceCategory.DOMAIN);
            case TARGET_GROUPS -> items(ReferenceCategory.TARGET_GROUP);
            case AXES -> items(ReferenceCategory.COOPERATION_AXIS);
            // sorted by name in Java: the same order whatever the database's collation
            case COMMUNES -> jdbc.query("select c.name, d.label from ref_commune c join ref_department d "
                    + "on d.code = c.department", (rs, i) -> option(rs.getString(1) + " (" + rs.getString(2) + ")",
                    rs.getString(1))).stream().sorted(Comparator.comparing(o -> o.get("value"))).toList();
            case GROUPS -> owners.getObject().options();
            default -> null;
        };
    }

    private List<Map<String, String>> items(ReferenceCategory category) {
        return reference.list(category).stream().map(i -> option(i.label(), i.code())).toList();
    }

    private static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }
}
