package bj.gouv.masm.conventions;

/** Final evaluation rating (form key {@code finalRating}): were the convention's stated results reached? */
public enum FinalRating {
    ACHIEVED,
    PARTIALLY_ACHIEVED,
    NOT_ACHIEVED
}
