package bj.gouv.masm.funding;

/**
 * A PTF without a collaboration document is invited (or reminded, {@code reminder} &gt; 0) to file a
 * convention dossier at the central level (campaign {@code campaignId}). Published in the transaction of
 * the invitation; the letters feature writes the letter.
 */
public record PtfInvitedEvent(Long partnerId, Long campaignId, int reminder) {
}
