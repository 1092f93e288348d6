package bj.gouv.masm.programmes;

/** Names of the ProgrammeEvaluation and ProgrammeEvaluationCalendar processes (declared once). */
public final class ProgrammeVariables {

    public static final String PROCESS = "ProgrammeEvaluation";
    public static final String CALENDAR = "ProgrammeEvaluationCalendar";
    public static final String TASK_EVALUATE = "Task_EvaluateProgramme";

    public static final String PROGRAMME_ID = "programmeId";
    public static final String PROGRAMME_NAME = "programmeName";
    public static final String EVALUATION_ID = "evaluationId";
    public static final String EVALUATION_YEAR = "evaluationYear";
    public static final String EVALUATION_DUE_DATE = "evaluationDueDate";
    public static final String PROGRAMME_CONTEXT = "programmeContext";
    public static final String YEAR_TO_OPEN = "yearToOpen";

    // Task_EvaluateProgramme form keys
    public static final String CONCLUSION = "conclusion";
    public static final String FINDINGS = "findings";
    public static final String RECOMMENDATIONS = "programmeRecommendations";

    public static final String CONTINUE = "CONTINUE";
    public static final String REVISE = "REVISE";
    public static final String CLOSE = "CLOSE";

    private ProgrammeVariables() {
    }
}
