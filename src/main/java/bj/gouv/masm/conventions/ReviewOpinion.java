package bj.gouv.masm.conventions;

/** The DPAF's opinion on a dossier (form key {@code reviewOpinion}). */
public enum ReviewOpinion {
    FAVOURABLE,
    UNFAVOURABLE,
    INCOMPLETE
}
