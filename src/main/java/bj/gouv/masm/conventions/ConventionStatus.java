package bj.gouv.masm.conventions;

public enum ConventionStatus {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    RENEWED,
    /** Ended early by mutual agreement (POST /api/conventions/{number}/termination). */
    TERMINATED;

    /** The partner holds this convention (ACTIVE, or SUSPENDED for a while): a live convention. */
    public boolean isLive() {
        return this == ACTIVE || this == SUSPENDED;
    }

    /** {@link #isLive} in SQL, for the convention table under {@code alias}. */
    public static String liveSql(String alias) {
        return alias + ".status in ('" + ACTIVE.name() + "', '" + SUSPENDED.name() + "')";
    }
}
