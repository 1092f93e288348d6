package bj.gouv.masm.dashboard;

/** Review status of an overlap flag: DPAF decides whether two overlapping activities duplicate each other. */
public enum OverlapStatus {
    OPEN,
    REVIEWED_COMPLEMENTARY,
    REVIEWED_DUPLICATE
}
