package bj.gouv.masm.reviews.process;

import static bj.gouv.masm.reviews.ReviewFormException.FORM;
import static bj.gouv.masm.reviews.ReviewVariables.*;

import bj.gouv.masm.reviews.NationalReviewService;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_HoldJointCommission (cabinet): on complete the decisions are required, recommendations recorded. */
@Component("holdJointCommissionListener")
@RequiredArgsConstructor
public class HoldJointCommissionListener implements TaskListener {

    private final NationalReviewService nationalReviews;

    @Override
    public void notify(DelegateTask task) {
        Long id = (Long) task.getVariable(NATIONAL_REVIEW_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(NATIONAL_REVIEW_CONTEXT, nationalReviews.context(id));
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            nationalReviews.holdCommission(id, FORM.requiredDate(task.getVariable(COMMISSION_HELD_ON),
                            "Date de la Commission mixte"),
                    FORM.requiredText(task.getVariable(COMMISSION_DECISIONS), "Décisions", 20000),
                    FORM.objectList(task.getVariable(COMMISSION_RECOMMENDATIONS), "Recommandations"));
        }
    }
}
