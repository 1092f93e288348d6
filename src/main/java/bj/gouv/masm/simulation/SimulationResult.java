package bj.gouv.masm.simulation;

import java.util.List;
import java.util.Map;

/** Everything {@code simulation.json} holds (field names are the public contract of the simulator). */
public record SimulationResult(
        int partners,
        int years,
        long seed,
        String start,
        String end,
        String processes,
        double elapsedSeconds,
        double cpuSeconds,
        long userTasksCompleted,
        long timersFired,
        long jobsExecuted,
        long processInstancesStarted,
        double stepsPerSecond,
        long conventionsSigned,
        Map<String, Long> conventionsByStatus,
        Map<String, Long> sanctions,
        long reviewsHeld,
        long revocationsConfirmed,
        List<Workload> workload,
        List<CycleTime> cycleTimes,
        List<Violation> invariantViolations,
        Map<String, Long> invariantViolationCounts,
        List<Refusal> formRefusals) {

    /** Tasks of one office in one month ({@code YYYY-MM}); overdue = tasks whose due date fell in the month while open. */
    public record Workload(String office, String month, long tasksCreated, long tasksCompleted, long overdue) {
    }

    /** Days from creation to completion of a user task (or from dossier filed to signature). */
    public record CycleTime(String step, long count, double p50Days, double p90Days) {
    }

    public record Violation(String invariant, String caseKey, String detail) {
    }

    /** A form submission the server refused (the task stayed open): the form and the server disagree. */
    public record Refusal(String step, String caseKey, String message) {
    }
}
