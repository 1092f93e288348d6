package bj.gouv.masm.reporting;

/** Process variable names of ReportingCalendar, QuarterlyReport and OscRegularisation (declared once). */
public final class ReportingVariables {

    public static final String CALENDAR_PROCESS = "ReportingCalendar";
    public static final String REPORT_PROCESS = "QuarterlyReport";
    public static final String SANCTION_DECISION = "AccreditationSanction";
    // the message AccreditationRevoked and its variable revocationReason (also Task_DecideRevocation's form
    // key) belong to the convention lifecycle: conventions.LifecycleVariables declares them

    public static final String TASK_RECORD_REPORT = "Task_RecordQuarterlyReport";
    public static final String TASK_DECIDE_REVOCATION = "Task_DecideRevocation";

    // references set at start
    public static final String DEPARTMENT = "department";
    public static final String CONVENTION_NUMBER = "conventionNumber";
    public static final String PARTNER_ID = "partnerId";
    public static final String PARTNER_NAME = "partnerName";
    public static final String QUARTER = "quarter";
    /** Optional variable of a ReportingCalendar instance started by hand: which quarter to open. */
    public static final String QUARTER_TO_OPEN = "quarterToOpen";

    // Task_RecordQuarterlyReport (form keys)
    public static final String REPORT_RECEIVED = "reportReceived";
    public static final String ACTIVITIES_SUMMARY = "activitiesSummary";
    public static final String BENEFICIARIES_REACHED = "beneficiariesReached";
    /** Per target group: beneficiariesWomen, beneficiariesGirls, beneficiariesChildren... */
    public static final String BENEFICIARIES_PREFIX = "beneficiaries";
    public static final String ACTIVITIES = "activities";
    public static final String ACTIVITIES_RECORDED = "activitiesRecorded";
    public static final String INDICATORS_REPORTED = "indicatorsReported";
    public static final String INDICATORS_EXPECTED = "indicatorsExpected";
    /** Json list of {code, value} (the form's dynamic list also carries label and unit, ignored). */
    public static final String INDICATOR_VALUES = "indicatorValues";
    /** The OSC's indicator sheet pasted in the report form: one {@code code;value} line per indicator. */
    public static final String INDICATOR_SHEET = "indicatorSheet";

    // sanction
    public static final String CONSECUTIVE_MISSED = "consecutiveMissedQuarters";
    public static final String CONSECUTIVE_INCOMPLETE = "consecutiveIncompleteQuarters";
    public static final String SANCTION = "sanction";
    public static final String MISSED_QUARTERS = "missedQuarters";

    // Task_DecideRevocation (form keys)
    public static final String REVOCATION_CONFIRMED = "revocationConfirmed";

    private ReportingVariables() {
    }
}
