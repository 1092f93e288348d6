package bj.gouv.masm.conventions;

public enum ConventionStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    RENEWED,
    /** Ended early by mutual agreement (POST /api/conventions/{number}/termination). */
    TERMINATED;

    public boolean isLive() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
