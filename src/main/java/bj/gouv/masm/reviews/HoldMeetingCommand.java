package bj.gouv.masm.reviews;

import static bj.gouv.masm.reviews.ReviewFormException.FORM;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A review meeting as its form recorded it (departmental or national review): date held, minutes, attendance and
 * the recommendations (the form's dynamic list rows, checked by RecommendationService.validateFormItems).
 */
public record HoldMeetingCommand(LocalDate heldOn, String minutes, int participants,
                                 List<Map<String, Object>> recommendations) {

    /** Reads the task's form (heldOn, minutes, participantsCount and the given recommendations list). */
    public static HoldMeetingCommand read(VariableScope task, String recommendationsKey) {
        return new HoldMeetingCommand(
                FORM.requiredDate(task.getVariable(ReviewVariables.HELD_ON), "Date de tenue"),
                FORM.requiredText(task.getVariable(ReviewVariables.MINUTES), "Compte rendu", 20000),
                FORM.requiredPositiveInteger(task.getVariable(ReviewVariables.PARTICIPANTS_COUNT), "Nombre de participants"),
                FORM.objectList(task.getVariable(recommendationsKey), "Recommandations"));
    }
}
