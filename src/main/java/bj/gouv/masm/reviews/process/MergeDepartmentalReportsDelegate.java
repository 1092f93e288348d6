package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewVariables.HALF_YEAR;
import static bj.gouv.masm.reviews.ReviewVariables.NATIONAL_REPORT_ID;

import bj.gouv.masm.reviews.HalfYear;
import bj.gouv.masm.reviews.NationalReportService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ReviewCalendar: merges the twelve departmental reports into the stored national half-year report. */
@Component("mergeDepartmentalReportsDelegate")
@RequiredArgsConstructor
public class MergeDepartmentalReportsDelegate implements JavaDelegate {

    private final NationalReportService nationalReports;

    @Override
    public void execute(DelegateExecution execution) {
        HalfYear halfYear = HalfYear.parse((String) execution.getVariable(HALF_YEAR));
        execution.setVariable(NATIONAL_REPORT_ID, nationalReports.merge(halfYear).id());
    }
}
