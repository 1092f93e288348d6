package bj.gouv.masm.reviews.process;

import bj.gouv.masm.security.process.OfficeGroups;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** The collection of the ReviewCalendar's multi-instance: the department codes of ref_department. */
@Component("reviewCalendarDepartments")
@RequiredArgsConstructor
public class ReviewCalendarDepartments {

    private final OfficeGroups officeGroups;

    public List<String> all() {
        return officeGroups.departments();
    }
}
