package bj.gouv.masm.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes {@code simulation.json} and {@code simulation.html}: a French page that opens offline (no
 * script, no external resource), its charts drawn as inline SVG.
 */
@Component
public class SimulationReportWriter {

    static final Map<String, String> INVARIANT_LABELS = new LinkedHashMap<>();

    static {
        INVARIANT_LABELS.put(InvariantChecker.CONVENTION_WITHOUT_OPINION_OR_SIGNATURE,
                "Aucune convention sans avis favorable de la DPAF et signature du SGM");
        INVARIANT_LABELS.put(InvariantChecker.ACTIVE_AFTER_END, "Aucune convention ACTIVE après sa date de fin");
        INVARIANT_LABELS.put(InvariantChecker.ONE_REPORT_PER_QUARTER,
                "Un seul rapport trimestriel par convention OSC et par trimestre en vigueur (aucun en suspension)");
        INVARIANT_LABELS.put(InvariantChecker.SANCTION_ON_COMPLIANT_REPORT,
                "Un rapport complet et à temps n'entraîne jamais de sanction");
        INVARIANT_LABELS.put(InvariantChecker.REVIEW_COUNTS_HALF_YEAR,
                "Chaque revue départementale compte tous les rapports de son semestre reçus avant sa tenue");
        INVARIANT_LABELS.put(InvariantChecker.TASK_CANDIDATE_GROUP, "Chaque tâche a un groupe candidat existant");
        INVARIANT_LABELS.put(InvariantChecker.TASK_DUE_DATE, "Chaque tâche a une échéance");
        INVARIANT_LABELS.put(InvariantChecker.NO_INCIDENT, "Aucun incident");
        INVARIANT_LABELS.put(InvariantChecker.UNIQUE_CONVENTION_NUMBER, "Aucun numéro de convention en double");
    }

    private final ObjectMapper mapper;

    public SimulationReportWriter(ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void write(SimulationResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        mapper.writeValue(dir.resolve("simulation.json").toFile(), result);
        Files.writeString(dir.resolve("simulation.html"), html(result), StandardCharsets.UTF_8);
    }

    String html(SimulationResult r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Simulation des procédures MASM</title>")
                .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
                .append("th{background:#eef}td:first-child,th:first-child{text-align:left}.ok{color:#060}.ko{color:#b00;font-weight:bold}")
                .append("svg{background:#fafafa;border:1px solid #ddd}</style></head><body>");
        h.append("<h1>Simulation des procédures MASM</h1>");
        h.append("<p>").append(r.partners()).append(" partenaires, ").append(r.years()).append(" an(s) simulé(s) du ")
                .append(r.start()).append(" au ").append(r.end()).append(", graine ").append(r.seed())
                .append(r.processes() == null ? ", modèles livrés" : ", modèles de " + esc(r.processes())).append(".</p>");
        h.append("<table><tr><th>Indicateur</th><th>Valeur</th></tr>");
        row(h, "Durée du calcul (s)", fmt(r.elapsedSeconds()));
        row(h, "Temps processeur de la JVM (s, démarrage compris)", fmt(r.cpuSeconds()));
        row(h, "Tâches utilisateur terminées", r.userTasksCompleted());
        row(h, "Minuteries déclenchées", r.timersFired());
        row(h, "Étapes par seconde", fmt(r.stepsPerSecond()));
        row(h, "Conventions signées", r.conventionsSigned());
        row(h, "Revues départementales tenues", r.reviewsHeld());
        row(h, "Avertissements", r.sanctions().getOrDefault("WARNING", 0L));
        row(h, "Retraits d'agrément proposés", r.sanctions().getOrDefault("REVOCATION_PROPOSED", 0L));
        row(h, "Retraits d'agrément confirmés", r.revocationsConfirmed());
        row(h, "Saisies refusées par le serveur", r.formRefusals().size());
        h.append("</table>");

        h.append("<h2>Conventions par statut</h2>").append(bars(new TreeMap<>(r.conventionsByStatus())));

        h.append("<h2>Charge de travail par mois (toutes les structures)</h2>");
        Map<String, long[]> months = new TreeMap<>();
        Map<String, long[]> offices = new TreeMap<>();
        for (SimulationResult.Workload w : r.workload()) {
            long[] m = months.computeIfAbsent(w.month(), k -> new long[3]);
            m[0] += w.tasksCreated();
            m[1] += w.tasksCompleted();
            m[2] += w.overdue();
            long[] o = offices.computeIfAbsent(w.office(), k -> new long[3]);
            o[0] += w.tasksCreated();
            o[1] += w.tasksCompleted();
            o[2] += w.overdue();
        }
        h.append(lines(months)).append("<p><span style=\"color:#36c\">■</span> tâches créées &nbsp; ")
                .append("<span style=\"color:#3a3\">■</span> tâches terminées &nbsp; <span style=\"color:#c33\">■</span> échéances dépassées</p>");
        h.append("<h2>Charge par structure (total)</h2><table><tr><th>Structure</th><th>Créées</th><th>Terminées</th><th>En retard</th></tr>");
        offices.forEach((office, v) -> h.append("<tr><td>").append(esc(office)).append("</td><td>").append(v[0])
                .append("</td><td>").append(v[1]).append("</td><td>").append(v[2]).append("</td></tr>"));
        h.append("</table>");

        h.append("<h2>Délais (jours)</h2><table><tr><th>Étape</th><th>Nombre</th><th>Médiane</th><th>90e centile</th><th></th></tr>");
        double max = r.cycleTimes().stream().mapToDouble(SimulationResult.CycleTime::p90Days).max().orElse(1);
        for (SimulationResult.CycleTime c : r.cycleTimes()) {
            h.append("<tr><td>").append(esc(c.step())).append("</td><td>").append(c.count()).append("</td><td>")
                    .append(fmt(c.p50Days())).append("</td><td>").append(fmt(c.p90Days())).append("</td><td>")
                    .append("<svg width=\"260\" height=\"14\"><rect x=\"0\" y=\"2\" height=\"10\" fill=\"#9bd\" width=\"")
                    .append(fmt(250 * c.p90Days() / Math.max(1, max))).append("\"/><rect x=\"0\" y=\"2\" height=\"10\" fill=\"#36c\" width=\"")
                    .append(fmt(250 * c.p50Days() / Math.max(1, max))).append("\"/></svg></td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Invariants</h2><table><tr><th>Invariant</th><th>Violations</th></tr>");
        for (var entry : INVARIANT_LABELS.entrySet()) {
            long n = r.invariantViolationCounts().getOrDefault(entry.getKey(), 0L);
            h.append("<tr><td>").append(esc(entry.getValue())).append(" <small>(").append(entry.getKey()).append(")</small></td><td class=\"")
                    .append(n == 0 ? "ok\">0" : "ko\">" + n).append("</td></tr>");
        }
        h.append("</table>");
        if (!r.invariantViolations().isEmpty()) {
            h.append("<details><summary>Détail des violations (").append(r.invariantViolations().size())
                    .append(" listées)</summary><table><tr><th>Invariant</th><th>Dossier</th><th>Détail</th></tr>");
            for (SimulationResult.Violation v : r.invariantViolations()) {
                h.append("<tr><td>").append(v.invariant()).append("</td><td>").append(esc(v.caseKey())).append("</td><td style=\"text-align:left\">")
                        .append(esc(v.detail())).append("</td></tr>");
            }
            h.append("</table></details>");
        }
        if (!r.formRefusals().isEmpty()) {
            h.append("<h2>Saisies refusées</h2><table><tr><th>Étape</th><th>Dossier</th><th>Message</th></tr>");
            for (SimulationResult.Refusal f : r.formRefusals().subList(0, Math.min(100, r.formRefusals().size()))) {
                h.append("<tr><td>").append(esc(f.step())).append("</td><td>").append(esc(f.caseKey()))
                        .append("</td><td style=\"text-align:left\">").append(esc(f.message())).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static String bars(Map<String, Long> values) {
        long max = values.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int height = 24 * Math.max(1, values.size()) + 10;
        StringBuilder s = new StringBuilder("<svg width=\"600\" height=\"" + height + "\">");
        int y = 5;
        for (var e : values.entrySet()) {
            double w = 420.0 * e.getValue() / Math.max(1, max);
            s.append("<text x=\"5\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(esc(e.getKey())).append("</text>")
                    .append("<rect x=\"110\" y=\"").append(y).append("\" height=\"18\" fill=\"#36c\" width=\"").append(fmt(w)).append("\"/>")
                    .append("<text x=\"").append(fmt(115 + w)).append("\" y=\"").append(y + 14).append("\" font-size=\"12\">")
                    .append(e.getValue()).append("</text>");
            y += 24;
        }
        return s.append("</svg>").toString();
    }

    private static String lines(Map<String, long[]> months) {
        List<String> keys = List.copyOf(months.keySet());
        int width = 1000;
        int height = 260;
        long max = 1;
        for (long[] v : months.values()) {
            max = Math.max(max, Math.max(v[0], Math.max(v[1], v[2])));
        }
        StringBuilder s = new StringBuilder("<svg width=\"" + width + "\" height=\"" + (height + 30) + "\">");
        String[] colours = {"#36c", "#3a3", "#c33"};
        for (int series = 0; series < 3; series++) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < keys.size(); i++) {
                double x = 40 + (width - 60.0) * i / Math.max(1, keys.size() - 1);
                double y = height - (height - 20.0) * months.get(keys.get(i))[series] / max;
                points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colours[series]).append("\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
        }
        s.append("<text x=\"2\" y=\"20\" font-size=\"11\">").append(max).append("</text>");
        for (int i = 0; i < keys.size(); i += Math.max(1, keys.size() / 10)) {
            double x = 40 + (width - 60.0) * i / Math.max(1, keys.size() - 1);
            s.append("<text x=\"").append(fmt(x - 18)).append("\" y=\"").append(height + 20).append("\" font-size=\"11\">")
                    .append(keys.get(i)).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    private static void row(StringBuilder h, String label, Object value) {
        h.append("<tr><td>").append(esc(label)).append("</td><td>").append(value).append("</td></tr>");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
