package bj.gouv.masm.dashboard;

import bj.gouv.masm.shared.TableData;
import bj.gouv.masm.shared.TableExporter;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sector at a glance (server-rendered, French): /dashboard and the lists behind its figures.
 * Each list answers as a page, or as a download with {@code format=csv} or {@code format=xlsx}.
 */
@Controller
@RequestMapping("/dashboard")
@RequiredArgsConstructor
public class DashboardController {

    private final SectorFigures sector;
    private final PipelineFigures pipeline;
    private final ComplianceFigures compliance;
    private final OverlapService overlaps;
    private final DashboardTables tables;
    private final TableExporter exporter;
    private final DashboardScope scope;
    private final ReferenceDataService reference;
    private final ObjectMapper objectMapper;

    @ModelAttribute("filter")
    DashboardFilter filter(@RequestParam(required = false) String department,
                           @RequestParam(required = false) String domain,
                           @RequestParam(required = false) String kind,
                           @RequestParam(required = false) String subSector,
                           @RequestParam(required = false) String targetGroup,
                           @RequestParam(required = false) String convention,
                           @RequestParam(required = false) Boolean nationwide,
                           @RequestParam(required = false) String period) {
        return scope.apply(new DashboardFilter(department, domain, kind, subSector, targetGroup, convention,
                nationwide, period));
    }

    @ModelAttribute("ref")
    Map<String, Object> reference() {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("departments", reference.list(ReferenceCategory.DEPARTMENT));
        ref.put("domains", reference.list(ReferenceCategory.DOMAIN));
        ref.put("subSectors", reference.list(ReferenceCategory.SUB_SECTOR));
        ref.put("targetGroups", reference.list(ReferenceCategory.TARGET_GROUP));
        ref.put("allDepartments", scope.seesAllDepartments());
        return ref;
    }

    @GetMapping
    public String dashboard(@ModelAttribute("filter") DashboardFilter filter, Model model) throws JsonProcessingException {
        SectorFigures.Overview overview = sector.overview(filter);
        PipelineFigures.Pipeline stages = pipeline.pipeline(filter);
        ComplianceFigures.Compliance reports = compliance.compliance(filter);
        long openOverlaps = overlaps.list(OverlapStatus.OPEN, 0, 1).totalElements();
        model.addAttribute("overview", overview);
        model.addAttribute("pipeline", stages);
        model.addAttribute("compliance", reports);
        model.addAttribute("openOverlaps", openOverlaps);
        model.addAttribute("charts", objectMapper.writeValueAsString(charts(overview, stages, reports)));
        return "dashboard/index";
    }

    @GetMapping("/partners")
    public Object partners(@ModelAttribute("filter") DashboardFilter filter,
                           @RequestParam(required = false) String format, Model model) {
        return list(tables.partners(filter), format, model, "Partenaires", filter.link("/dashboard/partners"));
    }

    @GetMapping("/matrix")
    public Object matrix(@ModelAttribute("filter") DashboardFilter filter,
                         @RequestParam(required = false) String format, Model model) {
        return list(tables.matrix(filter), format, model, "Qui fait quoi où (départements × domaines)",
                filter.link("/dashboard/matrix"));
    }

    @GetMapping("/compliance")
    public Object compliance(@ModelAttribute("filter") DashboardFilter filter,
                             @RequestParam(required = false) String format, Model model) {
        return list(tables.compliance(filter), format, model, "Conformité des rapports trimestriels",
                filter.link("/dashboard/compliance"));
    }

    @GetMapping("/reports")
    public Object reports(@ModelAttribute("filter") DashboardFilter filter,
                          @RequestParam(required = false) String quarter,
                          @RequestParam(required = false) String format, Model model) {
        String self = DashboardFilter.withParameter(filter.link("/dashboard/reports"), "quarter", quarter);
        return list(tables.reports(filter, quarter), format, model,
                "Rapports trimestriels" + (quarter == null ? "" : " — " + quarter), self);
    }

    @GetMapping("/overlaps")
    public Object overlaps(@RequestParam(required = false) String status,
                           @RequestParam(required = false) String format, Model model) {
        OverlapStatus wanted = OverlapController.parseStatus(status);
        String self = DashboardFilter.withParameter("/dashboard/overlaps", "status", wanted);
        return list(tables.overlaps(wanted), format, model, "Chevauchements d'activités", self);
    }

    @GetMapping("/tasks")
    public Object tasks(@ModelAttribute("filter") DashboardFilter filter,
                        @RequestParam(required = false) String stage, @RequestParam(required = false) String group,
                        @RequestParam(defaultValue = "false") boolean overdue,
                        @RequestParam(required = false) String format, Model model) {
        String self = DashboardFilter.withParameter(DashboardFilter.withParameter(DashboardFilter.withParameter(
                filter.link("/dashboard/tasks"), "stage", stage), "group", group), "overdue", overdue ? true : null);
        String title = overdue ? "Tâches en retard" + (group == null ? "" : " — " + group)
                : "Dossiers à l'étape " + (stage == null ? "" : StageNames.of(stage));
        return list(tables.tasks(filter, stage, group, overdue), format, model, title, self);
    }

    private Object list(TableData table, String format, Model model, String title, String self) {
        if (format != null && !format.isBlank()) {
            return exporter.download(table, format.equalsIgnoreCase("xlsx") ? "xlsx" : "csv");
        }
        model.addAttribute("table", table);
        model.addAttribute("title", title);
        model.addAttribute("csvLink", withFormat(self, "csv"));
        model.addAttribute("xlsxLink", withFormat(self, "xlsx"));
        return "dashboard/list";
    }

    private static String withFormat(String link, String format) {
        return DashboardFilter.withParameter(link, "format", format);
    }

    /** Series for Chart.js, read by dashboard.js from data attributes (no inline script: CSP). */
    static Map<String, Object> charts(SectorFigures.Overview overview, PipelineFigures.Pipeline pipeline,
                                      ComplianceFigures.Compliance compliance) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("kind", series(overview.byKind()));
        charts.put("subSector", series(overview.bySubSector()));
        charts.put("domain", series(overview.byDomain()));
        charts.put("targetGroup", series(overview.byTargetGroup()));
        charts.put("department", series(overview.byDepartment()));
        charts.put("convention", Map.of(
                "labels", List.of("Avec convention en vigueur", "Sans convention"),
                "values", List.of(overview.withConvention(), overview.partners() - overview.withConvention()),
                "links", List.of(DashboardFilter.withParameter(overview.total().link(), "convention", "ACTIVE"),
                        DashboardFilter.withParameter(overview.total().link(), "convention", "NONE"))));
        charts.put("pipeline", Map.of(
                "labels", map(pipeline.stages(), PipelineFigures.Stage::name),
                "open", map(pipeline.stages(), PipelineFigures.Stage::open),
                "average", map(pipeline.stages(), s -> round(s.averageDays())),
                "p90", map(pipeline.stages(), s -> round(s.percentile90Days())),
                "links", map(pipeline.stages(), PipelineFigures.Stage::link)));
        charts.put("compliance", Map.of(
                "labels", map(compliance.totals(), ComplianceFigures.Row::quarter),
                "rate", map(compliance.totals(), r -> round(100 * r.rate())),
                "onTime", map(compliance.totals(), r -> round(100 * r.onTimeRate())),
                "links", map(compliance.totals(), ComplianceFigures.Row::link)));
        return charts;
    }

    private static Map<String, Object> series(List<SectorFigures.Count> counts) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("labels", map(counts, SectorFigures.Count::label));
        s.put("withConvention", map(counts, SectorFigures.Count::withConvention));
        s.put("withoutConvention", map(counts, SectorFigures.Count::withoutConvention));
        s.put("links", map(counts, SectorFigures.Count::link));
        return s;
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        List<R> out = new ArrayList<>(list.size());
        list.forEach(item -> out.add(f.apply(item)));
        return out;
    }

    private static Double round(Double value) {
        return value == null || value.isNaN() ? null : Math.round(value * 10) / 10.0;
    }
}
