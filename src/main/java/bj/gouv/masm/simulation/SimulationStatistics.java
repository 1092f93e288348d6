package bj.gouv.masm.simulation;

import bj.gouv.masm.shared.MasmTimeZone;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the figures of a finished run from the engine's history and our tables. */
@Component
@Profile(SimulationCommand.PROFILE)
@RequiredArgsConstructor
public class SimulationStatistics {

    static final String DOSSIER_TO_SIGNATURE = "Dossier → signature";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final int LISTED_PER_INVARIANT = 200;

    private final HistoryService historyService;
    private final JdbcTemplate jdbc;

    SimulationResult collect(SimulationOptions options, double elapsed, long tasks, long timers, long jobs, long starts,
                             Map<String, String> officeOfTask, List<SimulationResult.Violation> violations,
                             List<SimulationResult.Refusal> refusals) {
        List<HistoricTaskInstance> history = historyService.createHistoricTaskInstanceQuery().list();
        Map<String, Long> byStatus = new TreeMap<>();
        jdbc.query("select status, count(*) from convention group by status order by status",
                rs -> {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                });
        long signed = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> sanctions = new TreeMap<>();
        sanctions.put("WARNING", 0L);
        sanctions.put("REVOCATION_PROPOSED", 0L);
        for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().variableName("sanction").list()) {
            if (v.getValue() != null && !"NONE".equals(v.getValue())) {
                sanctions.merge(v.getValue().toString(), 1L, Long::sum);
            }
        }
        long reviewsHeld = count("select count(*) from departmental_review where status = 'HELD'");
        long revocations = count("select count(*) from quarterly_report where revocation_decision = 'CONFIRMED'");
        Map<String, Long> counts = new TreeMap<>();
        List<SimulationResult.Violation> listed = new ArrayList<>();
        for (SimulationResult.Violation v : violations) {
            long n = counts.merge(v.invariant(), 1L, Long::sum);
            if (n <= LISTED_PER_INVARIANT) {
                listed.add(v);
            }
        }
        double steps = tasks + jobs + starts;
        return new SimulationResult(options.partners(), options.years(), options.seed(), options.start().toString(),
                options.end().toString(), options.processes() == null ? null : options.processes().toString(),
                round(elapsed), round(cpuSeconds()), tasks, timers, jobs, starts, round(elapsed > 0 ? steps / elapsed : 0), signed, byStatus,
                sanctions, reviewsHeld, revocations, workload(history, officeOfTask), cycleTimes(history), listed, counts,
                refusals.size() > 500 ? refusals.subList(0, 500) : refusals);
    }

    /** CPU time of this JVM (all threads): the run's cost on a loaded machine, where wall time says little. */
    static double cpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return 0;
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    static List<SimulationResult.Workload> workload(List<HistoricTaskInstance> history, Map<String, String> officeOfTask) {
        Map<String, long[]> cells = new TreeMap<>();
        for (HistoricTaskInstance task : history) {
            String office = officeOfTask.getOrDefault(task.getId(), "(aucun)");
            cells.computeIfAbsent(office + "|" + month(task.getStartTime()), k -> new long[3])[0]++;
            if (task.getEndTime() != null && "completed".equals(task.getDeleteReason())) {
                cells.computeIfAbsent(office + "|" + month(task.getEndTime()), k -> new long[3])[1]++;
            }
            Date due = task.getDueDate();
            if (due != null && (task.getEndTime() == null || task.getEndTime().after(due))) {
                cells.computeIfAbsent(office + "|" + month(due), k -> new long[3])[2]++;
            }
        }
        List<SimulationResult.Workload> rows = new ArrayList<>();
        cells.forEach((k, v) -> {
            String[] parts = k.split("\\|");
            rows.add(new SimulationResult.Workload(parts[0], parts[1], v[0], v[1], v[2]));
        });
        return rows;
    }

    private List<SimulationResult.CycleTime> cycleTimes(List<HistoricTaskInstance> history) {
        Map<String, List<Double>> days = new TreeMap<>();
        Map<String, Date> signedAt = new HashMap<>();
        for (HistoricTaskInstance task : history) {
            if (task.getEndTime() == null || !"completed".equals(task.getDeleteReason())) {
                continue;
            }
            days.computeIfAbsent(task.getTaskDefinitionKey(), k -> new ArrayList<>())
                    .add((task.getEndTime().getTime() - task.getStartTime().getTime()) / 86_400_000.0);
            if (Simulator.SIGN_TASK.equals(task.getTaskDefinitionKey())) {
                signedAt.putIfAbsent(task.getProcessInstanceId(), task.getEndTime());
            }
        }
        List<Double> dossierToSignature = new ArrayList<>();
        for (HistoricProcessInstance instance : historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(Simulator.LIFECYCLE).list()) {
            Date signed = signedAt.get(instance.getId());
            // renewals start at the signature: only dossiers filed from the start event count
            if (signed != null && !"StartEvent_RenewalRequested".equals(instance.getStartActivityId())) {
                dossierToSignature.add((signed.getTime() - instance.getStartTime().getTime()) / 86_400_000.0);
            }
        }
        List<SimulationResult.CycleTime> rows = new ArrayList<>();
        days.forEach((step, values) -> rows.add(cycle(step, values)));
        rows.add(cycle(DOSSIER_TO_SIGNATURE, dossierToSignature));
        return rows;
    }

    static SimulationResult.CycleTime cycle(String step, Collection<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return new SimulationResult.CycleTime(step, sorted.size(), round(percentile(sorted, 0.5)),
                round(percentile(sorted, 0.9)));
    }

    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String month(Date date) {
        return MONTH.format(date.toInstant().atZone(MasmTimeZone.zone()));
    }

    static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    static Map<String, Long> ordered(Map<String, Long> map) {
        return new LinkedHashMap<>(new TreeMap<>(map));
    }
}
