package bj.gouv.masm.funding;

/**
 * A CPS informs an OSC of its department without a convention about the new cooperation framework and
 * invites it to file a dossier at the CPS (or reminds it, {@code reminder} &gt; 0). Published in the
 * transaction of the invitation; the letters feature writes the letter.
 */
public record FrameworkCommunicatedEvent(Long partnerId, Long campaignId, String department, int reminder) {
}
