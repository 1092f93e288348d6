package bj.gouv.masm.conventions;

/**
 * Published (Spring application event) when a partner's convention dossier is filed, so other
 * features can react, e.g. an OSC regularisation follow-up ends.
 */
public record DossierFiledEvent(Long partnerId, String dossierReference) {
}
