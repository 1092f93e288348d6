package bj.gouv.masm.conventions;

import java.time.OffsetDateTime;

/**
 * Published (inside the transaction) when a dossier waits for missing documents and its deadline is set
 * (Task_ReceiveMissingDocuments created), so the partner can be told which documents and until when.
 */
public record MissingDocumentsRequestedEvent(Long partnerId, String dossierReference, String missingDocuments,
                                             OffsetDateTime deadline) {
}
