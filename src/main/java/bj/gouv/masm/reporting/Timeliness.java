package bj.gouv.masm.reporting;

/** DHIS2-style timeliness: on time (by the task's due date), late (after it, before the deadline), missed. */
public enum Timeliness {
    ON_TIME,
    LATE,
    MISSED
}
