package bj.gouv.masm.conventions;

/**
 * Published (inside the transaction) when a dossier ends without a convention: unfavourable opinion
 * ({@link Outcome#REJECTED}) or missing documents never received ({@link Outcome#ABANDONED}).
 */
public record DossierClosedEvent(Long partnerId, String dossierReference, Outcome outcome, String reason) {

    public enum Outcome { REJECTED, ABANDONED }
}
