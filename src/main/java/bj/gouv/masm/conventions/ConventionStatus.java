package bj.gouv.masm.conventions;

public enum ConventionStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    RENEWED;

    public boolean isLive() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
