package bj.gouv.masm.dashboard;

import bj.gouv.masm.shared.TableData;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import bj.gouv.masm.reference.ReferenceItem;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The dashboard's lists as tables, the single source of the pages' rows and of their CSV/Excel exports. */
@Service
public class DashboardTables {

    private final SectorFigures sector;
    private final PipelineFigures pipeline;
    private final ComplianceFigures compliance;
    private final OverlapService overlaps;
    private final ReferenceDataService reference;
    private final ZoneId zone;

    public DashboardTables(SectorFigures sector, PipelineFigures pipeline, ComplianceFigures compliance,
                           OverlapService overlaps, ReferenceDataService reference, ZoneId zone) {
        this.zone = zone;
        this.sector = sector;
        this.pipeline = pipeline;
        this.compliance = compliance;
        this.overlaps = overlaps;
        this.reference = reference;
    }

    public TableData partners(DashboardFilter filter) {
        List<List<Object>> rows = new ArrayList<>();
        for (PartnerFacts p : sector.list(filter)) {
            rows.add(Arrays.asList(p.id(), p.name(), p.acronym(), p.kind(),
                    label(ReferenceCategory.ORGANISATION_TYPE, Set.of(p.organisationType())),
                    p.headOfficeDepartment() == null ? null : label(ReferenceCategory.DEPARTMENT, Set.of(p.headOfficeDepartment())),
                    p.nationwide(), label(ReferenceCategory.DEPARTMENT, p.departments()),
                    label(ReferenceCategory.SUB_SECTOR, p.subSectors()), label(ReferenceCategory.DOMAIN, p.domains()),
                    label(ReferenceCategory.TARGET_GROUP, p.targetGroups()), p.conventionNumber()));
        }
        return new TableData("Partenaires", "partenaires", List.of("id", "Nom", "Sigle", "Type",
                "Type d'organisation", "Siège", "National", "Départements", "Sous-secteurs", "Domaines",
                "Groupes cibles", "Convention en vigueur"), rows);
    }

    public TableData matrix(DashboardFilter filter) {
        SectorFigures.Overview overview = sector.overview(filter);
        List<String> headers = new ArrayList<>();
        headers.add("Département");
        overview.domains().forEach(d -> headers.add(d.label()));
        List<List<Object>> rows = new ArrayList<>();
        for (SectorFigures.MatrixRow row : overview.matrix()) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.label());
            for (SectorFigures.Cell cell : row.cells()) {
                cells.add(cell.count() == 0 ? "" : cell.count() + " : " + String.join(", ", cell.partners()));
            }
            rows.add(cells);
        }
        return new TableData("Qui fait quoi où", "matrice-departements-domaines", headers, rows);
    }

    public TableData compliance(DashboardFilter filter) {
        List<List<Object>> rows = new ArrayList<>();
        ComplianceFigures.Compliance figures = compliance.compliance(filter);
        List<ComplianceFigures.Row> all = new ArrayList<>(figures.rows());
        all.addAll(figures.totals());
        for (ComplianceFigures.Row r : all) {
            rows.add(Arrays.asList(r.departmentLabel(), r.quarter(), r.expected(), r.actual(), r.onTime(),
                    Math.round(r.rate() * 1000) / 10.0, Math.round(r.onTimeRate() * 1000) / 10.0));
        }
        return new TableData("Conformité des rapports", "conformite-rapports", List.of("Département", "Trimestre",
                "Rapports attendus", "Rapports reçus", "Reçus à temps", "Taux de rapportage (%)", "Taux à temps (%)"),
                rows);
    }

    public TableData reports(DashboardFilter filter, String quarter) {
        List<List<Object>> rows = new ArrayList<>();
        for (ComplianceFigures.Report r : compliance.reports(filter, quarter)) {
            rows.add(Arrays.asList(r.quarter(), label(ReferenceCategory.DEPARTMENT, Set.of(r.department())),
                    r.partnerName(), r.conventionNumber(), r.businessKey(), reportStatus(r.status()),
                    r.timeliness() == null ? null : timeliness(r.timeliness())));
        }
        return new TableData("Rapports trimestriels", "rapports-trimestriels", List.of("Trimestre", "Département",
                "Partenaire", "Convention", "Rapport", "Statut", "Ponctualité"), rows);
    }

    private static String reportStatus(String status) {
        return switch (status) {
            case "OPEN" -> "Attendu";
            case "RECEIVED" -> "Reçu";
            case "MISSED" -> "Non remis";
            default -> status;
        };
    }

    private static String timeliness(String value) {
        return switch (value) {
            case "ON_TIME" -> "À temps";
            case "LATE" -> "En retard";
            case "MISSED" -> "Non remis";
            default -> value;
        };
    }

    public TableData overlaps(OverlapStatus status) {
        List<List<Object>> rows = new ArrayList<>();
        for (OverlapService.OverlapView o : overlaps.listAll(status)) {
            rows.add(Arrays.asList(o.id(), statusLabel(o.status()), label(ReferenceCategory.DEPARTMENT, Set.of(o.department())),
                    o.commune(), label(ReferenceCategory.DOMAIN, Set.of(o.domain())),
                    label(ReferenceCategory.TARGET_GROUP, Set.of(o.targetGroup())), o.overlapStart(), o.overlapEnd(),
                    o.activityA() == null ? null : o.activityA().partnerName(),
                    o.activityA() == null ? null : o.activityA().description(),
                    o.activityA() == null ? null : o.activityA().budgetXof(),
                    o.activityB() == null ? null : o.activityB().partnerName(),
                    o.activityB() == null ? null : o.activityB().description(),
                    o.activityB() == null ? null : o.activityB().budgetXof(),
                    o.detectedAt() == null ? null : o.detectedAt().toLocalDate(), o.reviewedBy(),
                    o.reviewedAt() == null ? null : o.reviewedAt().toLocalDate(), o.reason()));
        }
        return new TableData("Chevauchements", "chevauchements", List.of("id", "Statut", "Département", "Commune",
                "Domaine", "Groupe cible", "Début commun", "Fin commune", "Partenaire A", "Activité A",
                "Budget A (XOF)", "Partenaire B", "Activité B", "Budget B (XOF)", "Détecté le", "Examiné par",
                "Examiné le", "Motif"), rows);
    }

    public TableData tasks(DashboardFilter filter, String stage, String group, boolean overdue) {
        List<List<Object>> rows = new ArrayList<>();
        for (PipelineFigures.OpenTask t : pipeline.tasks(filter, stage, group, overdue)) {
            rows.add(Arrays.asList(t.name(), t.taskKey(), t.processKey(), t.businessKey(), t.assignee(),
                    date(t.created(), zone), date(t.due(), zone), t.overdue()));
        }
        return new TableData("Tâches", "taches", List.of("Tâche", "Étape", "Processus", "Dossier / clé", "Attribuée à",
                "Créée le", "Échéance", "En retard"), rows);
    }

    public static String statusLabel(OverlapStatus status) {
        return switch (status) {
            case OPEN -> "À examiner";
            case REVIEWED_COMPLEMENTARY -> "Complémentaires";
            case REVIEWED_DUPLICATE -> "Doublon";
        };
    }

    private static Object date(Date date, ZoneId zone) {
        return date == null ? null : date.toInstant().atZone(zone).toLocalDate();
    }

    String label(ReferenceCategory category, Set<String> codes) {
        List<ReferenceItem> items = reference.list(category);
        return items.stream().filter(i -> codes.contains(i.code())).map(ReferenceItem::label)
                .collect(Collectors.joining(", "));
    }
}
