package bj.gouv.masm.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.security.Groups;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Consolidation of a department's half-year on a fixture with known answers (half-year 2091-S1, used
 * by no other test): conventions in force, reports, activities by domain and target group, budget,
 * sanctions; a department without partners; then the full half-year: twelve reviews held, the
 * national report compiled from them.
 */
class DepartmentalConsolidationTests extends ReviewsTestSupport {

    static final HalfYear H = new HalfYear(2091, 1);

    @Autowired
    DepartmentalConsolidation consolidation;

    @Test
    void shouldConsolidateTheHalfYearAndCompileTheNationalReportFromTheTwelveReviews() throws Exception {
        Fixture f = fixture();

        // the query layer, directly
        ReviewFigures mono = consolidation.consolidate("MONO", H);
        assertMonoFigures(mono);
        ReviewFigures couffo = consolidation.consolidate("COUFFO", H);
        assertThat(couffo).isEqualTo(new ReviewFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, true, List.of()));
        ReviewFigures zou = consolidation.consolidate("ZOU", H);
        assertThat(zou.activeConventions()).isEqualTo(2); // cF (ZOU) and the PTF's cC (works in ZOU)
        assertThat(zou.reportsExpected()).isEqualTo(1);
        assertThat(zou.activities()).isEqualTo(2);
        assertThat(zou.budgetSpentXof()).isEqualTo(700_000 + 300_000);
        assertThat(consolidation.partnersWithActiveConvention("MONO", H)).containsExactlyInAnyOrder(f.a.getId(), f.c.getId());
        assertThat(consolidation.partnersWithActiveConvention("COUFFO", H)).isEmpty();

        // through the process: the calendar opens the twelve reviews, each consolidates and stores its report
        setClock(2091, 6, 1, 8);
        fireTimerStart(ReviewVariables.CALENDAR_PROCESS);
        assertThat(departmentalReviewsOf(H)).hasSize(12);
        ReviewReport stored = reportStore.find(ReviewReport.SCOPE_DEPARTMENT, "MONO_2091-S1").orElseThrow();
        assertMonoFigures(stored.figures());
        assertThat(reportStore.find(ReviewReport.SCOPE_DEPARTMENT, "COUFFO_2091-S1").orElseThrow().figures().activities())
                .isZero();

        // the preparation shows the report and invites, by default, the partners with an active convention
        ProcessInstance monoReview = reviewInstance("MONO", H);
        Task prepare = task(monoReview, "Task_PrepareDepartmentalReview");
        assertThat((String) taskService.getVariableLocal(prepare.getId(), "departmentalReportText"))
                .contains("Conventions en vigueur : 3").contains("Activités : 3");
        assertThat(taskService.getVariable(prepare.getId(), "invitedPartners").toString())
                .contains("\"" + f.a.getId() + "\"").contains("\"" + f.c.getId() + "\"")
                .doesNotContain("\"" + f.b.getId() + "\"");
        assertThat(taskService.getVariableLocal(prepare.getId(), "partnerOptions").toString()).contains(f.a.getName());
        Task couffoPrepare = task(reviewInstance("COUFFO", H), "Task_PrepareDepartmentalReview");
        assertThat(taskService.getVariable(couffoPrepare.getId(), "invitedPartners").toString()).isEqualTo("[]");

        // the twelve reviews are held; the calendar then hands DPAF the national compilation
        ProcessInstance calendar = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(ReviewVariables.CALENDAR_PROCESS).processInstanceBusinessKey("2091-S1").singleResult();
        setClock(2091, 6, 25, 9);
        for (String department : officeGroups.departments()) {
            ProcessInstance review = reviewInstance(department, H);
            prepare(review, "2091-06-20");
            assertThat(taskService.createTaskQuery().processInstanceId(calendar.getId()).count()).isZero();
            hold(review, "2091-06-24", null);
        }
        assertThat(departmentalReviewsOf(H)).isEmpty();
        assertThat(reviewRepository.findByHalfYearKeyOrderByDepartment("2091-S1"))
                .allSatisfy(r -> {
                    assertThat(r.getStatus()).isEqualTo(DepartmentalReview.Status.HELD);
                    assertThat(r.getDpafCopyAt()).as("copy to DPAF of " + r.getBusinessKey()).isNotNull();
                });
        assertThat(jdbc.queryForObject("select count(*) from review_notification where kind = 'REVIEW_COPY' "
                + "and recipient_group = 'dpaf' and related_key like '%_2091-S1'", Integer.class)).isEqualTo(12);
        assertThat(reviewRepository.findByBusinessKey("MONO_2091-S1").orElseThrow().getVenue())
                .isEqualTo("Salle de conférence du CPS");
        List<Long> invited = jdbc.queryForList("select partner_id from departmental_review_invitee i join departmental_review r "
                + "on r.id = i.review_id where r.business_key = 'MONO_2091-S1'", Long.class);
        assertThat(invited).containsExactlyInAnyOrder(f.a.getId(), f.c.getId());

        Task compile = taskService.createTaskQuery().processInstanceId(calendar.getId()).singleResult();
        assertThat(compile.getTaskDefinitionKey()).isEqualTo("Task_CompileNationalReport");
        assertThat(taskService.createTaskQuery().taskId(compile.getId()).taskCandidateGroup("dpaf").count()).isEqualTo(1);
        ReviewReport national = reportStore.find(ReviewReport.SCOPE_NATIONAL, "2091-S1").orElseThrow();
        assertThat(national.departmentsCount()).isEqualTo(12);
        ReviewFigures n = national.figures();
        assertThat(n.activeConventions()).as("cA, cB, cC, cF counted once").isEqualTo(4);
        assertThat(n.partnersWithConvention()).isEqualTo(4);
        assertThat(n.reportsExpected()).isEqualTo(6);
        assertThat(n.reportsReceived()).isEqualTo(3);
        assertThat(n.activities()).isEqualTo(5);
        assertThat(n.budgetSpentXof()).isEqualTo(4_000_000 + 1_000_000);
        assertThat(n.line(ReviewFigures.DEPARTMENT, "MONO").activities()).isEqualTo(3);
        assertThat(n.line(ReviewFigures.DEPARTMENT, "ZOU").activities()).isEqualTo(2);
        assertThat(n.line(ReviewFigures.DOMAIN, "CHILD_PROTECTION").activities()).isEqualTo(3);
        assertThat((String) taskService.getVariableLocal(compile.getId(), "nationalReportText"))
                .contains("Rapports départementaux compilés : 12");

        // the synthesis is required
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(compile.getId(),
                java.util.Map.of("nationalSummary", "  "))).isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasMessageContaining("Synthèse nationale");
        taskService.complete(compile.getId(), java.util.Map.of("nationalSummary", "Semestre satisfaisant au Mono."));
        assertThat(reportStore.find(ReviewReport.SCOPE_NATIONAL, "2091-S1").orElseThrow().summary())
                .isEqualTo("Semestre satisfaisant au Mono.");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(calendar.getId()).count()).isZero();

        assertDownloads(f);
    }

    /** The reports for the meeting: CSV and printable HTML, scoped like the reviews. */
    private void assertDownloads(Fixture f) throws Exception {
        HttpResponse<String> csv = get("/api/reviews/MONO_2091-S1/report.csv", "cps.mono");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("revue-MONO_2091-S1.csv");
        assertThat(csv.body()).startsWith("\uFEFFrubrique;code;libelle;valeur;activites;beneficiaires;budget_fcfa;responsable;echeance")
                .contains("Synthèse;;Conventions en vigueur;3;")
                .contains("Synthèse;;Rapports trimestriels attendus;5;")
                .contains("Domaine;CHILD_PROTECTION;Protection de l'enfant;;2;200;1500000;;")
                .contains("Groupe cible;WOMEN;Femmes;;1;300;2500000;;");
        HttpResponse<String> html = get("/api/reviews/MONO_2091-S1/report.html", "dpaf.agent");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("Revue sectorielle départementale — Mono — 1er semestre 2091")
                .contains("Salle de conférence du CPS").contains(f.a().getName()).contains("24/06/2091")
                .contains("Protection de l&#39;enfant");
        HttpResponse<String> hidden = get("/api/reviews/MONO_2091-S1/report.csv", "cps.borgou");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).contains("\"message\"");
        assertThat(get("/api/reviews/NOPE_2091-S1/report.html", "dpaf.agent").statusCode()).isEqualTo(404);

        HttpResponse<String> nationalCsv = get("/api/reviews/2091-S1/report.csv", "cps.borgou");
        assertThat(nationalCsv.statusCode()).isEqualTo(200);
        assertThat(nationalCsv.body()).contains("Synthèse;;Rapports départementaux compilés;12;")
                .contains("Département;MONO;Mono;;3;500;4000000;;");
        assertThat(get("/api/reviews/2091-S1/report.html", "manager").body())
                .contains("Rapport national semestriel — 1er semestre 2091").contains("Semestre satisfaisant au Mono.");
        HttpResponse<String> json = get("/api/reviews/MONO_2091-S1", "cps.mono");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"status\":\"HELD\"").contains("\"activeConventions\":3")
                .contains("\"kind\":\"REVIEW_COPY\"");
        HttpResponse<String> all = get("/api/reviews?halfYear=2091-S1", "dpaf.agent");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body().split("\"businessKey\"", -1)).hasSize(13);
        HttpResponse<String> own = get("/api/reviews?halfYear=2091-S1", "cps.mono");
        assertThat(own.body()).contains("MONO_2091-S1").doesNotContain("ZOU_2091-S1");
        assertThat(get("/api/reviews?halfYear=2091-S9", "dpaf.agent").statusCode()).isEqualTo(400);
    }

    private static void assertMonoFigures(ReviewFigures mono) {
        assertThat(mono.activeConventions()).as("cA, expired cB, PTF cC; not revoked cD nor future cE").isEqualTo(3);
        assertThat(mono.partnersWithConvention()).isEqualTo(3);
        assertThat(mono.reportsExpected()).isEqualTo(5);
        assertThat(mono.reportsReceived()).isEqualTo(2);
        assertThat(mono.reportsOnTime()).isEqualTo(1);
        assertThat(mono.reportsLate()).isEqualTo(1);
        assertThat(mono.reportsMissed()).isEqualTo(2);
        assertThat(mono.warnings()).isEqualTo(1);
        assertThat(mono.revocationsProposed()).isEqualTo(1);
        assertThat(mono.revocationsConfirmed()).isEqualTo(1);
        assertThat(mono.activities()).isEqualTo(3);
        assertThat(mono.beneficiaries()).isEqualTo(500);
        assertThat(mono.budgetSpentXof()).isEqualTo(4_000_000);
        assertThat(mono.reportingDataAvailable()).isTrue();
        assertThat(mono.lines(ReviewFigures.DOMAIN)).containsExactlyInAnyOrder(
                new ReviewFigures.Line("DOMAIN", "CHILD_PROTECTION", 2, 200, 1_500_000),
                new ReviewFigures.Line("DOMAIN", "WOMEN_EMPOWERMENT_GBV", 1, 300, 2_500_000));
        assertThat(mono.lines(ReviewFigures.TARGET_GROUP)).containsExactlyInAnyOrder(
                new ReviewFigures.Line("TARGET_GROUP", "CHILDREN", 1, 120, 1_000_000),
                new ReviewFigures.Line("TARGET_GROUP", "GIRLS", 1, 80, 500_000),
                new ReviewFigures.Line("TARGET_GROUP", "WOMEN", 1, 300, 2_500_000));
    }

    record Fixture(Partner a, Partner b, Partner c) {
    }

    private Fixture fixture() {
        Partner a = partner("ONG Mono Enfance", PartnerKind.OSC, "MONO", Set.of("MONO"), false);
        Partner b = partner("ONG Mono Femmes", PartnerKind.OSC, "MONO", Set.of("MONO"), false);
        Partner c = partner("Agence PTF Mono-Zou", PartnerKind.PTF, null, Set.of("MONO", "ZOU"), false);
        Partner d = partner("ONG Mono Retirée", PartnerKind.OSC, "MONO", Set.of("MONO"), false);
        Partner e = partner("ONG Mono Future", PartnerKind.OSC, "MONO", Set.of("MONO"), false);
        Partner zf = partner("ONG Zou", PartnerKind.OSC, "ZOU", Set.of("ZOU"), false);
        Convention ca = convention(a, "MONO", LocalDate.of(2090, 7, 1), LocalDate.of(2092, 6, 30), ConventionStatus.ACTIVE);
        Convention cb = convention(b, "MONO", LocalDate.of(2089, 4, 1), LocalDate.of(2091, 3, 31), ConventionStatus.EXPIRED);
        convention(c, null, LocalDate.of(2090, 1, 1), LocalDate.of(2092, 12, 31), ConventionStatus.ACTIVE);
        Convention cd = convention(d, "MONO", LocalDate.of(2090, 1, 1), LocalDate.of(2092, 12, 31), ConventionStatus.REVOKED);
        convention(e, "MONO", LocalDate.of(2091, 7, 1), LocalDate.of(2093, 6, 30), ConventionStatus.ACTIVE);
        Convention cf = convention(zf, "ZOU", LocalDate.of(2090, 1, 1), LocalDate.of(2092, 12, 31), ConventionStatus.ACTIVE);

        long r1 = report(ca, "MONO", 1, "RECEIVED", "ON_TIME", "NONE", null);
        long r2 = report(ca, "MONO", 2, "RECEIVED", "LATE", "NONE", null);
        report(cb, "MONO", 1, "MISSED", "MISSED", "WARNING", null);
        report(cd, "MONO", 1, "MISSED", "MISSED", "REVOCATION_PROPOSED", "CONFIRMED");
        report(cd, "MONO", 2, "OPEN", null, null, null);
        long r5 = report(ca, "MONO", 3, "RECEIVED", "ON_TIME", "NONE", null);
        long r6 = report(cf, "ZOU", 1, "RECEIVED", "ON_TIME", "NONE", null);

        activity(r1, a, "MONO", "CHILD_PROTECTION", "CHILDREN", 1_000_000, 120);
        activity(r1, a, "MONO", "WOMEN_EMPOWERMENT_GBV", "WOMEN", 2_500_000, 300);
        activity(r2, a, "MONO", "CHILD_PROTECTION", "GIRLS", 500_000, 80);
        activity(r2, a, "ZOU", "CHILD_PROTECTION", "CHILDREN", 700_000, 50);
        activity(r5, a, "MONO", "CHILD_PROTECTION", "CHILDREN", 9_000_000, 999);
        activity(r6, zf, "ZOU", "FAMILY", "WOMEN", 300_000, 40);
        return new Fixture(a, b, c);
    }

    private long report(Convention convention, String department, int quarter, String status, String timeliness,
                        String sanction, String decision) {
        int year = 2091;
        LocalDate start = LocalDate.of(year, quarter * 3 - 2, 1);
        jdbc.update("""
                insert into quarterly_report (business_key, convention_id, convention_number, partner_id, department,
                  report_year, report_quarter, period_start, period_end, status, timeliness, sanction, revocation_decision,
                  created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', ?, 'test')
                """, convention.getNumber() + "_" + year + "-Q" + quarter, convention.getId(), convention.getNumber(),
                convention.getPartnerId(), department, year, quarter, Date.valueOf(start),
                Date.valueOf(start.plusMonths(3).minusDays(1)), status, timeliness, sanction, decision,
                OffsetDateTime.now(), OffsetDateTime.now());
        return jdbc.queryForObject("select id from quarterly_report where business_key = ?", Long.class,
                convention.getNumber() + "_" + year + "-Q" + quarter);
    }

    private void activity(long reportId, Partner partner, String department, String domain, String targetGroup,
                          long budget, long beneficiaries) {
        jdbc.update("""
                insert into report_activity (report_id, partner_id, department, commune, domain, target_group, description,
                  start_date, end_date, budget_xof, beneficiaries, created_at, created_by)
                values (?, ?, ?, null, ?, ?, 'Activité de test', ?, ?, ?, ?, ?, 'test')
                """, reportId, partner.getId(), department, domain, targetGroup, Date.valueOf(LocalDate.of(2091, 2, 1)),
                Date.valueOf(LocalDate.of(2091, 2, 28)), budget, beneficiaries, OffsetDateTime.now());
    }
}
