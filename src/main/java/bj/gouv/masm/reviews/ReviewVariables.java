package bj.gouv.masm.reviews;

/** Process keys, element ids and variable names of the review processes, declared once. */
public final class ReviewVariables {

    public static final String CALENDAR_PROCESS = "ReviewCalendar";
    public static final String DEPARTMENTAL_PROCESS = "DepartmentalReview";
    public static final String NATIONAL_PROCESS = "NationalReview";
    public static final String FOLLOW_UP_PROCESS = "RecommendationFollowUp";

    /** Message start events: opening by hand (the timers open the same way). */
    public static final String MESSAGE_OPEN_HALF_YEAR = "OpenHalfYear";
    public static final String MESSAGE_OPEN_NATIONAL_REVIEW = "OpenNationalReview";

    // ReviewCalendar
    public static final String HALF_YEAR = "halfYear";
    /** Input parameter of ServiceTask_RegisterHalfYear in ReviewCalendar: HALF_YEARLY (default) or QUARTERLY. */
    public static final String REVIEW_PERIOD = "reviewPeriod";
    /** Multi-instance element variable of ReviewCalendar (mapped to {@code department} in each review). */
    public static final String REVIEW_DEPARTMENT = "reviewDepartment";
    public static final String HALF_YEAR_ALREADY_OPEN = "halfYearAlreadyOpen";
    public static final String NATIONAL_REPORT_ID = "nationalReportId";
    public static final String NATIONAL_REPORT_TEXT = "nationalReportText";
    public static final String NATIONAL_SUMMARY = "nationalSummary";

    // DepartmentalReview
    public static final String DEPARTMENT = "department";
    public static final String REVIEW_ID = "reviewId";
    public static final String REVIEW_DEADLINE = "reviewDeadline";
    public static final String GRACE_PERIOD = "gracePeriod";
    public static final String DEPARTMENTAL_REPORT_TEXT = "departmentalReportText";
    public static final String PREVIOUS_RECOMMENDATIONS = "previousRecommendations";
    public static final String PARTNER_OPTIONS = "partnerOptions";
    public static final String PLANNED_ON = "plannedOn";
    public static final String VENUE = "venue";
    public static final String INVITED_PARTNERS = "invitedPartners";
    public static final String HELD_ON = "heldOn";
    public static final String MINUTES = "minutes";
    public static final String PARTICIPANTS_COUNT = "participantsCount";
    public static final String REVIEW_RECOMMENDATIONS = "reviewRecommendations";
    public static final String ESCALATION_ACTION = "escalationAction";
    public static final String LATE_REVIEW_DECISION = "lateReviewDecision";
    public static final String LATE_REVIEW_REMIND = "REMIND";
    public static final String LATE_REVIEW_CLOSE_NOT_HELD = "CLOSE_NOT_HELD";

    // NationalReview
    public static final String REVIEW_YEAR = "reviewYear";
    public static final String NATIONAL_REVIEW_ID = "nationalReviewId";
    public static final String NATIONAL_REVIEW_ALREADY_OPEN = "nationalReviewAlreadyOpen";
    public static final String NATIONAL_REVIEW_CONTEXT = "nationalReviewContext";
    public static final String NATIONAL_RECOMMENDATIONS = "nationalRecommendations";
    public static final String COMMISSION_HELD_ON = "commissionHeldOn";
    public static final String COMMISSION_DECISIONS = "commissionDecisions";
    public static final String COMMISSION_RECOMMENDATIONS = "commissionRecommendations";

    // RecommendationFollowUp
    public static final String OVERDUE_RECOMMENDATION_IDS = "overdueRecommendationIds";
    public static final String RECOMMENDATION_ID = "recommendationId";
    public static final String RECOMMENDATION_TEXT = "recommendationText";
    public static final String FOLLOW_UP_STATUS = "followUpStatus";
    public static final String FOLLOW_UP_COMMENT = "followUpComment";
    public static final String NEW_DUE_DATE = "newDueDate";

    // Recommendation entries of a form's dynamic list
    public static final String ITEM_TEXT = "text";
    public static final String ITEM_OWNER = "owner";
    public static final String ITEM_DUE_DATE = "dueDate";

    private ReviewVariables() {
    }
}
