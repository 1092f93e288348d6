package bj.gouv.masm.conventions;

/** Where a convention dossier stands; every change is kept in dossier_status_change. */
public enum DossierStatus {
    /** Filed, waiting for the CPS check (OSC) or the central review (PTF). */
    FILED,
    /** Documents are missing; the partner has until the deadline to bring them. */
    INCOMPLETE,
    /** Checked complete by the CPS (or documents received), waiting for the DPAF review. */
    UNDER_REVIEW,
    /** Favourable opinion, waiting for the signature. */
    ACCEPTED,
    REJECTED,
    ABANDONED,
    /** A convention was signed from this dossier. */
    SIGNED,
    /** A renewal dossier whose predecessor was revoked before the signature. */
    CANCELLED,
    /** The SGM declined to sign (signatureDecision DECLINED, reason in the history): no convention. */
    DECLINED;

    public boolean isOpen() {
        return this == FILED || this == INCOMPLETE || this == UNDER_REVIEW || this == ACCEPTED;
    }
}
