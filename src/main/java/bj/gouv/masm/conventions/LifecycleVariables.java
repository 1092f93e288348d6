package bj.gouv.masm.conventions;

/**
 * Names of the ConventionLifecycle process variables (= form field keys, docs/contract.md), declared once.
 * Process variables hold references and decisions only; the records live in our tables.
 */
public final class LifecycleVariables {

    public static final String PROCESS_KEY = "ConventionLifecycle";

    // set at the start
    public static final String PARTNER_ID = "partnerId";
    /** Start form: registration number or name of the partner, resolved on the server. */
    public static final String PARTNER_QUERY = "partnerQuery";
    public static final String PARTNER_KIND = "partnerKind";
    public static final String DEPARTMENT = "department";
    public static final String CPS_GROUP = "cpsGroup";
    public static final String DOSSIER_REFERENCE = "dossierReference";
    /** Start form (optional): what the dossier asks for; stored in the dossier, then removed. */
    public static final String REQUESTED_AXES = "requestedAxes";
    public static final String REQUESTED_DOMAINS = "requestedDomains";
    public static final String REQUESTED_DEPARTMENTS = "requestedDepartments";
    public static final String REQUESTED_DURATION_MONTHS = "requestedDurationMonths";
    public static final String COOPERATION_OBJECT = "cooperationObject";

    // dossier check and review
    public static final String DOSSIER_COMPLETE = "dossierComplete";
    public static final String MISSING_DOCUMENTS = "missingDocuments";
    public static final String RECEIVED_DOCUMENTS = "receivedDocuments";
    public static final String CHECK_COMMENT = "checkComment";
    public static final String MISSING_DOCUMENTS_REQUESTED_BY = "missingDocumentsRequestedBy";
    public static final String REVIEW_OPINION = "reviewOpinion";
    public static final String REVIEW_COMMENT = "reviewComment";

    // signature
    public static final String SIGNED_ON = "signedOn";
    public static final String DURATION_MONTHS = "durationMonths";
    public static final String PARTNER_SIGNATORY = "partnerSignatory";
    public static final String OBLIGATIONS = "obligations";
    public static final String MONITORING_ARRANGEMENT = "monitoringArrangement";
    public static final String RENEWAL_CONDITIONS = "renewalConditions";
    public static final String ACCOMPANIMENT = "accompaniment";
    public static final String ACCOUNTABILITY = "accountability";
    /** The SGM's decision on Task_SignConvention: SIGNED (default when absent), RETURNED or DECLINED. */
    public static final String SIGNATURE_DECISION = "signatureDecision";
    /** Why the SGM returned the dossier to the DPAF or declined to sign (required for RETURNED and DECLINED). */
    public static final String SIGNATURE_COMMENT = "signatureComment";
    public static final String CONVENTION_NUMBER = "conventionNumber";
    public static final String RENEWAL_OF = "renewalOf";
    /** Months between the final evaluation and the end (default 3: an input parameter of the registration task). */
    public static final String FINAL_EVALUATION_MONTHS_BEFORE_END = "finalEvaluationMonthsBeforeEnd";
    // timer dates (java.util.Date) set at registration
    public static final String MID_TERM_DUE = "midTermDue";
    public static final String FINAL_EVALUATION_DUE = "finalEvaluationDue";
    public static final String CONVENTION_ENDS = "conventionEnds";

    // evaluations and renewal
    public static final String MID_TERM_RATING = "midTermRating";
    public static final String MID_TERM_RECOMMENDATIONS = "midTermRecommendations";
    public static final String FINAL_RATING = "finalRating";
    public static final String FINAL_RECOMMENDATIONS = "finalRecommendations";
    public static final String RENEWAL_REQUESTED = "renewalRequested";
    public static final String PARTNER_IN_GOOD_STANDING = "partnerInGoodStanding";
    /** Output of the DMN decision RenewalDecision. */
    public static final String RENEWAL = "renewal";
    public static final String SUCCESSOR_CONVENTION_NUMBER = "successorConventionNumber";
    public static final String REVOCATION_REASON = "revocationReason";

    // end of the convention and DPAF decisions on it (API)
    /** How the convention in force ended before the synthesis: EXPIRED or TERMINATED. */
    public static final String CONVENTION_ENDING = "conventionEnding";
    /** Local variables of the messages sent by the API: the reason and, for an extension, the new end date. */
    public static final String TERMS_CHANGE_REASON = "termsChangeReason";
    public static final String NEW_END_DATE = "newEndDate";
    // end-of-convention synthesis report (Task_RecordSynthesisReport)
    public static final String SYNTHESIS_RECEIVED_ON = "synthesisReceivedOn";
    public static final String SYNTHESIS_WORK_SUMMARY = "synthesisWorkSummary";
    public static final String SYNTHESIS_ASSESSMENT = "synthesisAssessment";
    public static final String SYNTHESIS_RECOMMENDATIONS = "synthesisRecommendations";

    // messages
    public static final String MESSAGE_ACCREDITATION_REVOKED = "AccreditationRevoked";
    public static final String MESSAGE_RENEWAL_REQUESTED = "ConventionRenewalRequested";
    public static final String MESSAGE_SUCCESSOR_SIGNED = "SuccessorConventionSigned";
    public static final String MESSAGE_TERMINATED = "ConventionTerminated";
    public static final String MESSAGE_EXTENDED = "ConventionExtended";
    public static final String MESSAGE_SUSPENDED = "ConventionSuspended";
    public static final String MESSAGE_SUSPENSION_LIFTED = "ConventionSuspensionLifted";

    // user tasks
    public static final String TASK_CHECK_DOSSIER = "Task_CheckDossier";
    public static final String TASK_RECEIVE_MISSING_DOCUMENTS = "Task_ReceiveMissingDocuments";
    public static final String TASK_REVIEW_DOSSIER = "Task_ReviewDossier";
    public static final String TASK_SIGN_CONVENTION = "Task_SignConvention";
    public static final String TASK_EVALUATE_MID_TERM = "Task_EvaluateMidTerm";
    public static final String TASK_EVALUATE_FINAL = "Task_EvaluateFinal";
    public static final String TASK_RECORD_SYNTHESIS_REPORT = "Task_RecordSynthesisReport";

    private LifecycleVariables() {
    }
}
