package bj.gouv.masm.letters;

import java.util.Locale;

/** Every letter the system writes; each has its French template {@code templates/letters/<template>.html}. */
public enum LetterKind {
    DOSSIER_RECEIVED,
    DOCUMENTS_MISSING,
    DOSSIER_REJECTED,
    DOSSIER_ABANDONED,
    SIGNATURE_DECLINED,
    CONVENTION_SIGNED,
    MID_TERM_EVALUATION,
    FINAL_EVALUATION,
    REPORT_DUE,
    REPORTING_WARNING,
    REVOCATION,
    CONVENTION_EXTENDED,
    CONVENTION_SUSPENDED,
    SUSPENSION_LIFTED,
    CONVENTION_TERMINATED,
    REGULARISATION_INVITATION,
    REVIEW_INVITATION,
    /** A PTF without a collaboration document is invited to file a dossier (campaign, issue 14). */
    PTF_INVITATION,
    /** A CPS tells an OSC of its department without a convention about the cooperation framework. */
    FRAMEWORK_COMMUNICATION,
    /** To staff: a task of their group is due soon. */
    STAFF_REMINDER,
    /** To staff: the daily digest of their office's overdue tasks. */
    STAFF_DIGEST;

    /** The template's file name without extension, e.g. {@code dossier-received}. */
    public String template() {
        return "letters/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean toStaff() {
        return this == STAFF_REMINDER || this == STAFF_DIGEST;
    }
}
