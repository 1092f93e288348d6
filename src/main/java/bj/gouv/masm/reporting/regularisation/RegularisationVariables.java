package bj.gouv.masm.reporting.regularisation;

/** Names of the OscRegularisation process (declared once). */
public final class RegularisationVariables {

    public static final String PROCESS = "OscRegularisation";
    public static final String MESSAGE_DOSSIER_FILED = "OscDossierFiled";
    public static final String TASK_FOLLOW_UP = "Task_FollowUpOsc";

    // start form keys
    public static final String OSC_NAME = "oscName";
    public static final String REGISTRATION_NUMBER = "registrationNumber";
    public static final String ORGANISATION_TYPE = "organisationType";
    public static final String DEPARTMENT = "department";
    public static final String CONTACT_NAME = "contactName";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String OBSERVED_ACTIVITY = "observedActivity";

    // set by the process
    public static final String REGULARISATION_ID = "regularisationId";
    public static final String PARTNER_ID = "partnerId";
    public static final String PARTNER_NAME = "partnerName";
    public static final String PARTNER_MATCHED = "partnerMatched";
    public static final String ALREADY_ACCREDITED = "alreadyAccredited";
    public static final String DOSSIER_REFERENCE = "dossierReference";

    // Task_FollowUpOsc form keys
    public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
    public static final String FOLLOW_UP_NOTES = "followUpNotes";
    public static final String OUTCOME_REMINDED = "REMINDED";
    public static final String OUTCOME_CEASED = "CEASED";

    private RegularisationVariables() {
    }
}
