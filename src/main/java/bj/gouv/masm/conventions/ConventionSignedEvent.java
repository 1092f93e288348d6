package bj.gouv.masm.conventions;

/**
 * Published (Spring application event, inside the signature's transaction) when a convention is
 * registered at signature, so other features can react (the letters feature produces the convention PDF
 * and writes the partner's letter in the same transaction).
 */
public record ConventionSignedEvent(Long conventionId, String conventionNumber, Long partnerId, String dossierReference) {
}
