package bj.gouv.masm.partners;

import jakarta.persistence.criteria.Predicate;
import java.util.Collection;
import org.springframework.data.jpa.domain.Specification;

/**
 * The one rule "a partner is active in a department" (README, "One rule, one place"): it acts nationwide,
 * or has its head office there, or the department is one of its departments of intervention. Written here
 * three ways that say the same thing: in Java ({@link #test}, {@link Partner#isActiveIn}), as a JPA
 * specification ({@link #specification}) and in SQL ({@link #sql}); {@code ActiveInDepartmentTests} checks
 * that the three agree and that no other class writes the rule again.
 */
public final class ActiveInDepartment {

    private ActiveInDepartment() {
    }

    public static boolean test(boolean nationwide, String headOfficeDepartment, Collection<String> departments,
                               String department) {
        return nationwide || department.equals(headOfficeDepartment) || departments.contains(department);
    }

    /** The partners active in {@code department}, for a Spring Data query. */
    public static Specification<Partner> specification(String department) {
        return (root, query, cb) -> {
            Predicate nationwide = cb.isTrue(root.get("nationwide"));
            Predicate headOffice = cb.equal(root.get("headOfficeDepartment"), department);
            Predicate intervention = cb.isMember(department, root.<Collection<String>>get("departments"));
            return cb.or(nationwide, headOffice, intervention);
        };
    }

    /**
     * The rule in SQL for the partner table under {@code alias}; {@code department} is a bind parameter
     * ({@code ?}, {@code :department}) or an SQL expression, used twice (bind it twice when it is {@code ?}).
     */
    public static String sql(String alias, String department) {
        return "(" + alias + ".nationwide = true or " + alias + ".head_office_department = " + department
                + " or exists (select 1 from partner_department pd where pd.partner_id = " + alias + ".id and pd.code = "
                + department + "))";
    }
}
