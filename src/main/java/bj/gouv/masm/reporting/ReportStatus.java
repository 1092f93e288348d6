package bj.gouv.masm.reporting;

/** Where a quarterly report stands: waiting for the CPS, received, or missed (deadline passed or not received). */
public enum ReportStatus {
    OPEN,
    RECEIVED,
    MISSED
}
