package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewFormException.FORM;
import static bj.gouv.masm.reviews.ReviewVariables.*;

import bj.gouv.masm.reviews.DepartmentalReviewService;
import bj.gouv.masm.reviews.HalfYear;
import bj.gouv.masm.reviews.NationalReportService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_CompileNationalReport (DPAF): shows the merged figures; on complete the synthesis is required. */
@Component("compileNationalReportListener")
@RequiredArgsConstructor
public class CompileNationalReportListener implements TaskListener {

    private final NationalReportService nationalReports;
    private final DepartmentalReviewService reviews;

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            HalfYear halfYear = HalfYear.parse((String) task.getVariable(HALF_YEAR));
            task.setVariableLocal(NATIONAL_REPORT_TEXT, reviews.describe(nationalReports.get(halfYear)));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            nationalReports.compile((Long) task.getVariable(NATIONAL_REPORT_ID),
                    FORM.requiredText(task.getVariable(NATIONAL_SUMMARY), "Synthèse nationale", 20000));
        }
    }
}
