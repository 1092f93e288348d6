package bj.gouv.masm.reviews.process;

import bj.gouv.masm.security.Groups;
import java.util.List;
import org.springframework.stereotype.Component;

/** The collection of the ReviewCalendar's multi-instance: the twelve department codes. */
@Component("reviewCalendarDepartments")
public class ReviewCalendarDepartments {

    public List<String> all() {
        return Groups.DEPARTMENTS;
    }
}
