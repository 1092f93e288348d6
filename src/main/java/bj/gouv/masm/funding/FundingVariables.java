package bj.gouv.masm.funding;

/** Names of the PtfDeclaration, PtfDeclarationCalendar and PartnerInvitation processes (declared once). */
public final class FundingVariables {

    public static final String DECLARATION_PROCESS = "PtfDeclaration";
    public static final String DECLARATION_CALENDAR = "PtfDeclarationCalendar";
    public static final String TASK_RECORD_DECLARATION = "Task_RecordPtfDeclaration";
    public static final String INVITATION_PROCESS = "PartnerInvitation";
    public static final String TASK_FOLLOW_UP_INVITATION = "Task_FollowUpInvitation";
    public static final String MESSAGE_INVITED_DOSSIER_FILED = "InvitedPartnerDossierFiled";

    public static final String PARTNER_ID = "partnerId";
    public static final String PARTNER_NAME = "partnerName";
    public static final String DEPARTMENT = "department";

    // PtfDeclaration
    public static final String DECLARATION_ID = "declarationId";
    public static final String DECLARATION_YEAR = "declarationYear";
    public static final String DECLARATION_DUE_DATE = "declarationDueDate";
    public static final String ACTIVITIES_DECLARED = "activitiesDeclared";
    public static final String DECLARATION_RECEIVED = "declarationReceived";
    public static final String DECLARATION_NOTES = "declarationNotes";
    /** Input parameter of the calendar's service task: how long a PTF has to declare (ISO-8601, default P60D). */
    public static final String DECLARATION_PERIOD = "declarationPeriod";
    public static final String YEAR_TO_OPEN = "yearToOpen";

    // PartnerInvitation
    public static final String INVITATION_ID = "invitationId";
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String CAMPAIGN_KIND = "campaignKind";
    public static final String FOLLOW_UP_GROUP = "followUpGroup";
    public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
    public static final String FOLLOW_UP_NOTES = "followUpNotes";
    public static final String OUTCOME_REMINDED = "REMINDED";
    public static final String OUTCOME_CLOSED = "CLOSED";
    public static final String DOSSIER_REFERENCE = "dossierReference";
    public static final String CLOSING_STATUS = "closingStatus";

    private FundingVariables() {
    }
}
