package bj.gouv.masm.conventions;

/** Mid-term evaluation rating (form key {@code midTermRating}). */
public enum MidTermRating {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK
}
