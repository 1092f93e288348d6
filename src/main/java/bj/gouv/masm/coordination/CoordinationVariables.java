package bj.gouv.masm.coordination;

/** Names of the CoordinationMeeting and CoordinationCalendar processes (declared once). */
public final class CoordinationVariables {

    public static final String PROCESS = "CoordinationMeeting";
    public static final String CALENDAR = "CoordinationCalendar";
    public static final String TASK_PLAN = "Task_PlanMeeting";
    public static final String TASK_HOLD = "Task_HoldMeeting";

    public static final String MEETING_ID = "meetingId";
    public static final String BODY_CODE = "bodyCode";
    public static final String BODY_LABEL = "bodyLabel";
    public static final String PERIOD_KEY = "periodKey";
    public static final String SECRETARIAT_GROUP = "secretariatGroup";
    /** The day after the period's end, 00:00: the meeting is recorded as not held if still open then. */
    public static final String MEETING_DEADLINE = "meetingDeadline";
    public static final String ALREADY_PLANNED = "alreadyPlanned";
    public static final String MEETING_CONTEXT = "meetingContext";
    public static final String PARTNER_OPTIONS = "partnerOptions";
    public static final String DATE_TO_OPEN = "dateToOpen";

    // Task_PlanMeeting
    public static final String PLANNED_ON = "plannedOn";
    /** The planned date as a Date: due date of Task_HoldMeeting. */
    public static final String MEETING_DATE = "meetingDate";
    public static final String VENUE = "venue";
    // Task_HoldMeeting
    public static final String MEETING_HELD = "meetingHeld";
    public static final String HELD_ON = "heldOn";
    public static final String MINUTES = "minutes";
    public static final String PARTICIPANTS_COUNT = "participantsCount";
    public static final String PARTNERS_PRESENT = "partnersPresent";
    public static final String POSTPONEMENT_REASON = "postponementReason";
    public static final String RECOMMENDATIONS = "meetingRecommendations";

    private CoordinationVariables() {
    }
}
