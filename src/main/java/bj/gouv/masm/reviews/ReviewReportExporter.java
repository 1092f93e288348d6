package bj.gouv.masm.reviews;

import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerReadQueries;
import bj.gouv.masm.reference.ReferenceCategory;
import bj.gouv.masm.reference.ReferenceDataService;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Downloads of a half-year report for the meeting: CSV (semicolon-separated, UTF-8 with BOM, opens
 * in the Ministry's spreadsheets) and a printable HTML summary (Thymeleaf template
 * {@code templates/reviews/review-report.html}). Key: a departmental review ({@code BORGOU_2026-S1})
 * or a half-year for the national report ({@code 2026-S1}).
 */
@Service
@RequiredArgsConstructor
public class ReviewReportExporter {

    static final String[] CSV_HEADER = {"rubrique", "code", "libelle", "valeur", "activites", "beneficiaires",
            "budget_fcfa", "responsable", "echeance"};

    private final DepartmentalReviewService reviews;
    private final NationalReportService nationalReports;
    private final RecommendationService recommendations;
    private final PartnerReadQueries partners;
    private final ReferenceDataService referenceData;
    private final TemplateEngine templateEngine;
    private final Clock clock;

    /** What a download shows: the report, and for a departmental review the review and its recommendations. */
    record Content(String key, String title, ReviewReport report, DepartmentalReview review, List<String> invited,
                   List<Recommendation> made, List<Recommendation> previous) {
    }

    @Transactional
    Content content(String key) {
        if (HalfYear.isKey(key)) {
            HalfYear halfYear = HalfYear.parse(key);
            return new Content(key, "Rapport national semestriel — " + halfYear.label(), nationalReports.get(halfYear),
                    null, List.of(), List.of(), List.of());
        }
        DepartmentalReview review = reviews.getVisible(key);
        List<String> invited = partners.findAllById(reviews.invitees(review.getId())).stream()
                .map(Partner::getName).sorted().toList();
        List<Recommendation> made = recommendations.search(null, null, null, review.getBusinessKey(), 0, 200).getContent();
        return new Content(key, "Revue sectorielle départementale — "
                + referenceData.label(ReferenceCategory.DEPARTMENT, review.getDepartment()) + " — "
                + review.halfYear().label(), reviews.reportOf(review), review, invited, made,
                reviews.previousOpenRecommendations(review));
    }

    @Transactional
    public String csv(String key) {
        Content content = content(key);
        ReviewFigures f = content.report().figures();
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(CSV_HEADER).setRecordSeparator("\r\n").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Map.Entry<String, Object> figure : figures(content).entrySet()) {
                bj.gouv.masm.shared.CsvCells.printRecord(printer, "Synthèse", "", figure.getKey(), figure.getValue(), "", "", "", "", "");
            }
            lines(printer, "Domaine", f.lines(ReviewFigures.DOMAIN), ReferenceCategory.DOMAIN);
            lines(printer, "Groupe cible", f.lines(ReviewFigures.TARGET_GROUP), ReferenceCategory.TARGET_GROUP);
            lines(printer, "Département", f.lines(ReviewFigures.DEPARTMENT), ReferenceCategory.DEPARTMENT);
            for (Recommendation r : content.made()) {
                bj.gouv.masm.shared.CsvCells.printRecord(printer, "Recommandation", r.getId(), r.getText(), r.getStatus().label(), "", "", "",
                        r.getOwnerGroup(), r.getDueDate());
            }
            for (Recommendation r : content.previous()) {
                bj.gouv.masm.shared.CsvCells.printRecord(printer, "Recommandation précédente", r.getId(), r.getText(), r.getStatus().label(), "", "", "",
                        r.getOwnerGroup(), r.getDueDate());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Transactional
    public String html(String key) {
        Content content = content(key);
        ReviewFigures f = content.report().figures();
        Context context = new Context(java.util.Locale.FRENCH);
        context.setVariable("title", content.title());
        context.setVariable("report", content.report());
        context.setVariable("review", content.review());
        context.setVariable("figures", figures(content));
        context.setVariable("domains", labelled(f.lines(ReviewFigures.DOMAIN), ReferenceCategory.DOMAIN));
        context.setVariable("targetGroups", labelled(f.lines(ReviewFigures.TARGET_GROUP), ReferenceCategory.TARGET_GROUP));
        context.setVariable("departments", labelled(f.lines(ReviewFigures.DEPARTMENT), ReferenceCategory.DEPARTMENT));
        context.setVariable("invited", content.invited());
        context.setVariable("made", content.made());
        context.setVariable("previous", content.previous());
        context.setVariable("generatedAt", OffsetDateTime.now(clock).format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
        return templateEngine.process("reviews/review-report", context);
    }

    private Map<String, Object> figures(Content content) {
        ReviewReport report = content.report();
        ReviewFigures f = report.figures();
        Map<String, Object> figures = new LinkedHashMap<>();
        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        figures.put("Période", report.periodStart().format(date) + " – " + report.periodEnd().format(date));
        if (report.isNational()) {
            figures.put("Rapports départementaux compilés", report.departmentsCount());
        }
        figures.put("Conventions en vigueur", f.activeConventions());
        figures.put("Partenaires sous convention", f.partnersWithConvention());
        figures.put("Rapports trimestriels attendus", f.reportsExpected());
        figures.put("Rapports reçus", f.reportsReceived());
        figures.put("Rapports reçus à temps", f.reportsOnTime());
        figures.put("Rapports en retard", f.reportsLate());
        figures.put("Rapports manquants", f.reportsMissed());
        figures.put("Taux de rapportage", percent(f.reportingRate()));
        figures.put("Taux de rapportage à temps", percent(f.reportingRateOnTime()));
        for (ReviewQuarter q : report.quarters()) {
            figures.put("Rapports encore attendus " + q.label(), q.awaited() + " sur " + q.expected()
                    + " (reçus " + q.received() + ", manqués " + q.missed() + ")");
        }
        if (!report.isNational()) {
            figures.put("Chiffres", report.isFrozen() ? "arrêtés à la tenue de la revue le "
                    + report.frozenAt().format(date) : "provisoires, jusqu'à la tenue de la revue");
        }
        figures.put("Activités", f.activities());
        figures.put("Bénéficiaires", f.beneficiaries());
        figures.put("Budget exécuté (FCFA)", f.budgetSpentXof());
        figures.put("Avertissements", f.warnings());
        figures.put("Retraits d'agrément proposés", f.revocationsProposed());
        figures.put("Retraits d'agrément confirmés", f.revocationsConfirmed());
        if (!f.reportingDataAvailable()) {
            figures.put("Données de rapportage", "indisponibles");
        }
        return figures;
    }

    private static String percent(double rate) {
        return Math.round(rate * 1000) / 10.0 + " %";
    }

    private void lines(CSVPrinter printer, String section, List<ReviewFigures.Line> lines, ReferenceCategory category)
            throws IOException {
        for (ReviewFigures.Line line : lines) {
            bj.gouv.masm.shared.CsvCells.printRecord(printer, section, line.code(), referenceData.label(category, line.code()), "", line.activities(),
                    line.beneficiaries(), line.budgetXof(), "", "");
        }
    }

    /** Lines with their French label, for the template. */
    public record LabelledLine(String code, String label, int activities, long beneficiaries, long budgetXof) {
    }

    private List<LabelledLine> labelled(List<ReviewFigures.Line> lines, ReferenceCategory category) {
        List<LabelledLine> result = new ArrayList<>();
        for (ReviewFigures.Line line : lines) {
            result.add(new LabelledLine(line.code(), referenceData.label(category, line.code()), line.activities(),
                    line.beneficiaries(), line.budgetXof()));
        }
        return result;
    }
}
