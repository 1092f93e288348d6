package bj.gouv.masm.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.conventions.Convention;
import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.conventions.ConventionStatus;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class OverlapDetectionTests extends IntegrationTestBase {

    @Autowired
    OverlapService service;
    @Autowired
    OverlapFlagRepository flags;
    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    ObjectMapper objectMapper;

    SectorFixture fixture;
    String commune;
    String otherCommune;
    Partner a;
    Partner b;
    long reportA;
    long reportB;

    @BeforeEach
    void createPartners() {
        fixture = new SectorFixture(partners, conventions, jdbc);
        commune = "Commune-" + fixture.run;
        otherCommune = "Autre-" + fixture.run;
        a = fixture.osc("COUFFO", "CHILD_PROTECTION", "CHILDREN");
        b = fixture.osc("COUFFO", "CHILD_PROTECTION", "CHILDREN");
        Convention ca = fixture.convention(a, ConventionStatus.ACTIVE, LocalDate.of(2026, 1, 1), 24);
        Convention cb = fixture.convention(b, ConventionStatus.ACTIVE, LocalDate.of(2026, 1, 1), 24);
        reportA = fixture.report(ca, "COUFFO", 2026, 1, "RECEIVED", "ON_TIME");
        reportB = fixture.report(cb, "COUFFO", 2026, 1, "RECEIVED", "LATE");
    }

    private long activity(long report, Partner p, String commune, String domain, String target, String from, String to) {
        return fixture.activity(report, p.getId(), "COUFFO", commune, domain, target, LocalDate.parse(from),
                LocalDate.parse(to), 1_000_000);
    }

    private boolean flagged(long x, long y) {
        return flags.findByActivityAIdAndActivityBId(Math.min(x, y), Math.max(x, y)).isPresent();
    }

    @Test
    void shouldFlagTrueOverlapsOnlyAndKeepReviewsAcrossRuns() {
        long a1 = activity(reportA, a, commune, "CHILD_PROTECTION", "CHILDREN", "2026-01-10", "2026-03-31");
        long b1 = activity(reportB, b, commune, "CHILD_PROTECTION", "CHILDREN", "2026-03-01", "2026-03-20");
        long bOtherCommune = activity(reportB, b, otherCommune, "CHILD_PROTECTION", "CHILDREN", "2026-01-10", "2026-03-31");
        long bOtherDomain = activity(reportB, b, commune, "FAMILY", "CHILDREN", "2026-01-10", "2026-03-31");
        long bOtherTarget = activity(reportB, b, commune, "CHILD_PROTECTION", "GIRLS", "2026-01-10", "2026-03-31");
        long bBefore = activity(reportB, b, commune, "CHILD_PROTECTION", "CHILDREN", "2026-01-01", "2026-01-09");
        long bTouching = activity(reportB, b, commune, "CHILD_PROTECTION", "CHILDREN", "2026-03-31", "2026-03-31");
        long aSamePartner = activity(reportA, a, commune, "CHILD_PROTECTION", "CHILDREN", "2026-03-05", "2026-03-10");

        int created = service.detect();

        assertThat(created).isGreaterThanOrEqualTo(3);
        assertThat(flagged(a1, b1)).as("same commune, domain, target, overlapping").isTrue();
        assertThat(flagged(a1, bTouching)).as("bounds included").isTrue();
        assertThat(flagged(aSamePartner, b1)).as("a's second activity overlaps b1 too").isTrue();
        assertThat(flagged(a1, bOtherCommune)).as("different commune").isFalse();
        assertThat(flagged(a1, bOtherDomain)).as("different domain").isFalse();
        assertThat(flagged(a1, bOtherTarget)).as("different target group").isFalse();
        assertThat(flagged(a1, bBefore)).as("periods do not overlap").isFalse();
        assertThat(flagged(a1, aSamePartner)).as("same partner").isFalse();
        assertThat(flagged(b1, bTouching)).as("same partner").isFalse();
        OverlapFlag flag = flags.findByActivityAIdAndActivityBId(Math.min(a1, b1), Math.max(a1, b1)).orElseThrow();
        assertThat(flag.getStatus()).isEqualTo(OverlapStatus.OPEN);
        assertThat(flag.getOverlapStart()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(flag.getOverlapEnd()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(flag.getCommune()).isEqualTo(commune);

        identityService.setAuthentication("dpaf.agent", List.of("dpaf"));
        service.review(flag.getId(), "DUPLICATE", "Même distribution de kits aux mêmes enfants");
        identityService.clearAuthentication();

        assertThat(service.detect()).as("nothing new").isZero();
        OverlapFlag after = flags.findById(flag.getId()).orElseThrow();
        assertThat(after.getStatus()).isEqualTo(OverlapStatus.REVIEWED_DUPLICATE);
        assertThat(after.getReason()).isEqualTo("Même distribution de kits aux mêmes enfants");
        assertThat(after.getReviewedBy()).isEqualTo("dpaf.agent");
        assertThat(after.getReviewedAt()).isNotNull();

        // a new overlapping activity adds a flag, the reviewed one stays reviewed
        long b2 = activity(reportB, b, commune, "CHILD_PROTECTION", "CHILDREN", "2026-02-15", "2026-02-20");
        assertThat(service.detect()).isEqualTo(1);
        assertThat(flagged(a1, b2)).isTrue();
        assertThat(flags.findById(flag.getId()).orElseThrow().getStatus()).isEqualTo(OverlapStatus.REVIEWED_DUPLICATE);
    }

    @Test
    void shouldRefuseAReviewWithoutReasonOrByAnotherGroup() {
        long a1 = activity(reportA, a, commune, "CHILD_PROTECTION", "CHILDREN", "2026-01-10", "2026-03-31");
        long b1 = activity(reportB, b, commune, "CHILD_PROTECTION", "CHILDREN", "2026-03-01", "2026-03-20");
        service.detect();
        Long id = flags.findByActivityAIdAndActivityBId(Math.min(a1, b1), Math.max(a1, b1)).orElseThrow().getId();

        identityService.setAuthentication("cps.couffo", List.of("cps-couffo"));
        assertThatThrownBy(() -> service.review(id, "COMPLEMENTARY", "ok"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        identityService.setAuthentication("dpaf.agent", List.of("dpaf"));
        assertThatThrownBy(() -> service.review(id, "COMPLEMENTARY", " "))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        assertThatThrownBy(() -> service.review(id, "MAYBE", "raison"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        assertThat(flags.findById(id).orElseThrow().getStatus()).isEqualTo(OverlapStatus.OPEN);
    }

    @Test
    void shouldListAndReviewOverlapsOverHttp() throws Exception {
        long a1 = activity(reportA, a, commune, "CHILD_PROTECTION", "CHILDREN", "2026-01-10", "2026-03-31");
        long b1 = activity(reportB, b, commune, "CHILD_PROTECTION", "CHILDREN", "2026-03-01", "2026-03-20");
        HttpResponse<String> detect = post("/api/overlaps/detect", "dpaf.agent", "{}");
        assertThat(detect.statusCode()).isEqualTo(200);
        Long id = flags.findByActivityAIdAndActivityBId(Math.min(a1, b1), Math.max(a1, b1)).orElseThrow().getId();

        HttpResponse<String> open = get("/api/overlaps?status=OPEN&size=1000", "dpaf.agent");
        assertThat(open.statusCode()).isEqualTo(200);
        JsonNode page = objectMapper.readTree(open.body());
        assertThat(page.get("totalElements").asLong()).isPositive();
        JsonNode mine = null;
        for (JsonNode f : page.get("content")) {
            if (f.get("id").asLong() == id) {
                mine = f;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("status").asText()).isEqualTo("OPEN");
        assertThat(mine.get("activityA").get("partnerName").asText()).contains(fixture.run);
        assertThat(mine.get("activityB").get("commune").asText()).isEqualTo(commune);

        // a CPS of another department does not see it
        JsonNode borgou = objectMapper.readTree(get("/api/overlaps?size=1000", "cps.borgou").body());
        for (JsonNode f : borgou.get("content")) {
            assertThat(f.get("department").asText()).isEqualTo("BORGOU");
        }

        assertThat(post("/api/overlaps/" + id + "/review", "cps.couffo",
                "{\"decision\":\"COMPLEMENTARY\",\"reason\":\"ok\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> noReason = post("/api/overlaps/" + id + "/review", "dpaf.agent",
                "{\"decision\":\"COMPLEMENTARY\"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(objectMapper.readTree(noReason.body()).get("message").asText()).isNotBlank();
        assertThat(post("/api/overlaps/999999999/review", "dpaf.agent",
                "{\"decision\":\"COMPLEMENTARY\",\"reason\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(get("/api/overlaps?status=FOO", "dpaf.agent").statusCode()).isEqualTo(400);

        HttpResponse<String> reviewed = post("/api/overlaps/" + id + "/review", "dpaf.agent",
                "{\"decision\":\"COMPLEMENTARY\",\"reason\":\"Publics différents : l'un scolarise, l'autre soigne\"}");
        assertThat(reviewed.statusCode()).isEqualTo(200);
        assertThat(objectMapper.readTree(reviewed.body()).get("status").asText()).isEqualTo("REVIEWED_COMPLEMENTARY");
        assertThat(objectMapper.readTree(reviewed.body()).get("reviewedBy").asText()).isEqualTo("dpaf.agent");
        assertThat(post("/api/overlaps/detect", "cps.couffo", "{}").statusCode()).isEqualTo(403);
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", basic(user)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String user, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
