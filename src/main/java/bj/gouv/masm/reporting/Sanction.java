package bj.gouv.masm.reporting;

/** Output {@code sanction} of the DMN decision {@code AccreditationSanction}. */
public enum Sanction {
    NONE,
    WARNING,
    REVOCATION_PROPOSED
}
