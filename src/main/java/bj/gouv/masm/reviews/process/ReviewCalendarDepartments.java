package bj.gouv.masm.reviews.process;

import bj.gouv.masm.security.process.OfficeGroups;
import java.util.List;
import org.springframework.stereotype.Component;

/** The collection of the ReviewCalendar's multi-instance: the department codes of ref_department. */
@Component("reviewCalendarDepartments")
public class ReviewCalendarDepartments {

    private final OfficeGroups officeGroups;

    public ReviewCalendarDepartments(OfficeGroups officeGroups) {
        this.officeGroups = officeGroups;
    }

    public List<String> all() {
        return officeGroups.departments();
    }
}
