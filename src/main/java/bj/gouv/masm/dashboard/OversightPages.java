package bj.gouv.masm.dashboard;

import bj.gouv.masm.shared.TableData;
import bj.gouv.masm.shared.TableExporter;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import bj.gouv.masm.reporting.CentralOversight;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.MasmTimeZone;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the centre sees of the departments' work (issue 11 item 10), as dashboard pages: every OSC
 * regularisation case and every CPS support request refused for want of a convention. DPAF and the other
 * central groups see every department, a CPS its own (another department: 403, as on the other pages).
 * Paginated; the whole list downloads as CSV or Excel ({@code format=csv|xlsx}).
 */
@Controller
@RequestMapping("/dashboard")
@RequiredArgsConstructor
public class OversightPages {

    static final int PAGE_SIZE = 50;
    static final Map<String, String> REGULARISATION_STATUSES = Map.of(
            "OPEN", "En cours : OSC invitée à déposer un dossier",
            "ALREADY_ACCREDITED", "Déjà sous convention",
            "REGULARISED", "Régularisée : dossier déposé",
            "CEASED", "Activités cessées");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final CentralOversight oversight;
    private final DashboardScope scope;
    private final ReferenceDataService reference;
    private final TableExporter exporter;

    /** A cell of a page: its text, and where it leads when it is a link. */
    public record Cell(String text, String href) {
        static Cell of(Object value) {
            return new Cell(value == null ? "" : value.toString(), null);
        }
    }

    /** One page of a list, with what the template needs to draw the filters, the pages and the downloads. */
    public record Page(String title, String intro, List<String> headers, List<List<Cell>> rows, long total,
                       int page, int pages, String previous, String next, String csvLink, String xlsxLink) {
    }

    @GetMapping("/regularisations")
    public Object regularisations(@RequestParam(required = false) String department,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(defaultValue = "1") int page,
                                  @RequestParam(required = false) String format, Model model) {
        String scoped = scopedDepartment(department);
        String wanted = status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT);
        if (wanted != null && !REGULARISATION_STATUSES.containsKey(wanted)) {
            throw ApiException.badRequest("Statut inconnu : " + status + " (OPEN, ALREADY_ACCREDITED, REGULARISED ou CEASED)");
        }
        Map<String, String> departments = departmentLabels();
        List<String> headers = List.of("Partenaire", "Département", "Statut", "Activité observée", "Invitations",
                "Dossier déposé", "Signalé le", "Signalé par", "Clos le", "Suivi (Cockpit)");
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> r : oversight.regularisations(scoped, wanted)) {
            Object instance = r.get("processInstanceId");
            rows.add(List.of(
                    new Cell(text(r.get("partnerName")), "/dashboard/partners/" + r.get("partnerId")),
                    Cell.of(departments.getOrDefault(text(r.get("department")), text(r.get("department")))),
                    Cell.of(REGULARISATION_STATUSES.getOrDefault(text(r.get("status")), text(r.get("status")))),
                    Cell.of(r.get("observedActivity")),
                    Cell.of(r.get("invitations")),
                    Cell.of(r.get("dossierReference")),
                    Cell.of(day(r.get("reportedAt"))),
                    Cell.of(r.get("reportedBy")),
                    Cell.of(day(r.get("closedAt"))),
                    instance == null ? Cell.of("") : new Cell("instance",
                            "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime")));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("department", scoped);
        parameters.put("status", wanted);
        model.addAttribute("statuses", REGULARISATION_STATUSES);
        model.addAttribute("status", wanted);
        return page("/dashboard/regularisations", parameters, "Régularisations d'OSC actives sans convention",
                "Chaque OSC trouvée active sans agrément par un CPS (processus OscRegularisation) : invitation à "
                        + "déposer un dossier, relances, issue. Les plus récents d'abord.",
                "regularisations", headers, rows, page, format, model);
    }

    @GetMapping("/support-refusals")
    public Object supportRefusals(@RequestParam(required = false) String department,
                                  @RequestParam(defaultValue = "1") int page,
                                  @RequestParam(required = false) String format, Model model) {
        String scoped = scopedDepartment(department);
        Map<String, String> departments = departmentLabels();
        List<String> headers = List.of("Partenaire", "Département", "Appui demandé", "Description", "Pour le",
                "Motif du refus", "Demandé par", "Refusé le");
        List<List<Cell>> rows = new ArrayList<>();
        for (Map<String, Object> r : oversight.refusals(scoped)) {
            Object partnerId = r.get("partnerId");
            rows.add(List.of(
                    partnerId == null ? Cell.of(r.get("partnerName"))
                            : new Cell(text(r.get("partnerName")), "/dashboard/partners/" + partnerId),
                    Cell.of(departments.getOrDefault(text(r.get("department")), text(r.get("department")))),
                    Cell.of(r.get("supportType")),
                    Cell.of(r.get("description")),
                    Cell.of(day(r.get("requestedOn"))),
                    Cell.of(r.get("reason")),
                    Cell.of(r.get("requestedBy")),
                    Cell.of(day(r.get("refusedAt")))));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("department", scoped);
        return page("/dashboard/support-refusals", parameters, "Appuis des CPS refusés faute de convention",
                "Chaque demande d'appui d'un CPS refusée parce que l'OSC n'avait pas de convention en vigueur "
                        + "(« pas d'appui sans convention »). Les plus récentes d'abord.",
                "appuis-refuses", headers, rows, page, format, model);
    }

    private Object page(String path, Map<String, String> parameters, String title, String intro, String fileName,
                        List<String> headers, List<List<Cell>> all, int requested, String format, Model model) {
        if (format != null && !format.isBlank()) {
            List<List<Object>> cells = new ArrayList<>();
            all.forEach(row -> cells.add(new ArrayList<>(row.stream().map(Cell::text).toList())));
            return exporter.download(new TableData(title, fileName, headers, cells),
                    format.equalsIgnoreCase("xlsx") ? "xlsx" : "csv");
        }
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(Math.max(1, requested), pages);
        List<List<Cell>> shown = all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE));
        model.addAttribute("list", new Page(title, intro, headers, shown, all.size(), page, pages,
                page > 1 ? link(path, parameters, "page", String.valueOf(page - 1)) : null,
                page < pages ? link(path, parameters, "page", String.valueOf(page + 1)) : null,
                link(path, parameters, "format", "csv"), link(path, parameters, "format", "xlsx")));
        model.addAttribute("action", path);
        model.addAttribute("department", parameters.get("department"));
        model.addAttribute("departments", reference.list(ReferenceCategory.DEPARTMENT));
        model.addAttribute("allDepartments", scope.seesAllDepartments());
        return "dashboard/oversight";
    }

    /** The department asked, checked against the caller's scope (a CPS: its own, by default). */
    private String scopedDepartment(String department) {
        return scope.apply(new DashboardFilter(department, null, null, null, null, null, null, null)).department();
    }

    private Map<String, String> departmentLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (ReferenceItem item : reference.list(ReferenceCategory.DEPARTMENT)) {
            labels.put(item.code(), item.label());
        }
        return labels;
    }

    private static String link(String path, Map<String, String> parameters, String name, String value) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        parameters.forEach((key, v) -> {
            if (v != null) {
                builder.queryParam(key, v);
            }
        });
        return builder.queryParam(name, value).build().encode().toUriString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** A day in Benin time, dd/MM/yyyy, from what JDBC gives for a date or a timestamp. */
    static String day(Object value) {
        if (value == null) {
            return "";
        }
        LocalDate date;
        if (value instanceof java.sql.Timestamp timestamp) {
            date = timestamp.toInstant().atZone(MasmTimeZone.zone()).toLocalDate();
        } else if (value instanceof java.sql.Date sqlDate) {
            date = sqlDate.toLocalDate();
        } else if (value instanceof OffsetDateTime dateTime) {
            date = dateTime.atZoneSameInstant(MasmTimeZone.zone()).toLocalDate();
        } else if (value instanceof LocalDate localDate) {
            date = localDate;
        } else {
            return value.toString();
        }
        return DAY.format(date);
    }
}
