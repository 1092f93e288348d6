package bj.gouv.masm.reporting;

/**
 * Published (inside the transaction) when the reporting feature records a message owed to a partner in its
 * mail log ({@link ReportingNotifications}): {@code kind} is {@link ReportingNotifications#WARNING} (related key
 * = the quarterly report's business key) or {@link ReportingNotifications#REGULARISATION_INVITATION} (related
 * key = {@code REG-<regularisation id>}). The letters feature writes and sends the letter.
 */
public record PartnerNotifiedEvent(Long partnerId, String kind, String relatedKey) {
}
