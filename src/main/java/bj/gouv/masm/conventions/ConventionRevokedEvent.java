package bj.gouv.masm.conventions;

/**
 * Published (inside the transaction) when a convention becomes REVOKED (once: the status change is
 * idempotent), so the partner can be told of the revocation and its reason.
 */
public record ConventionRevokedEvent(Long conventionId, String conventionNumber, Long partnerId, String reason) {
}
