package bj.gouv.masm.conventions;

/**
 * Published (Spring application event, inside the transaction of the decision) when the SGM
 * declines to sign a dossier's convention (`signatureDecision` = `DECLINED`), so other features can
 * react (e.g. the letters feature tells the partner, with the reason).
 */
public record SignatureDeclinedEvent(Long partnerId, String dossierReference, String reason) {
}
