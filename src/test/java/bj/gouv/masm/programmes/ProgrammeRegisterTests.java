package bj.gouv.masm.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.conventions.ConventionRepository;
import bj.gouv.masm.dashboard.SectorFixture;
import bj.gouv.masm.funding.ApiCalls;
import bj.gouv.masm.partners.Partner;
import bj.gouv.masm.partners.PartnerKind;
import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The programme register over HTTP: CRUD, rights, errors, ?olderThanYears, CSV import. */
class ProgrammeRegisterTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;
    @Autowired
    ConventionRepository conventions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    ApiCalls api;
    String run;
    Partner ptf;

    @BeforeEach
    void setUp() {
        api = new ApiCalls(baseUrl());
        run = UUID.randomUUID().toString().substring(0, 8);
        ptf = new SectorFixture(partners, conventions, jdbc).partner("Banque", PartnerKind.PTF, "LITTORAL", Set.of("ZOU"),
                Set.of("MICROFINANCE"), Set.of("WOMEN"), Set.of("MICROFINANCE"), true);
    }

    private String body(String name, LocalDate start, String domain) {
        return """
                {"name": "%s", "partnerIds": [%d], "departments": ["ZOU", "Ouémé"], "domains": ["%s"],
                 "startDate": "%s", "endDate": "%s", "budgetXof": 750000000}""".formatted(name, ptf.getId(), domain, start,
                start.plusYears(10));
    }

    private JsonNode created(String body) throws Exception {
        HttpResponse<String> response = api.post("/api/programmes", "dpaf.agent", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).isPresent();
        return json.readTree(response.body());
    }

    @Test
    void shouldCreateReadUpdateAndDeleteAProgramme() throws Exception {
        JsonNode programme = created(body("Programme filets sociaux " + run, LocalDate.now().minusYears(2), "SOCIAL_PROTECTION"));
        long id = programme.get("id").asLong();
        assertThat(programme.get("departments").toString()).isEqualTo("[\"OUEME\",\"ZOU\"]");
        assertThat(programme.get("partnerIds").get(0).asLong()).isEqualTo(ptf.getId());
        assertThat(programme.get("ageYears").asInt()).isEqualTo(2);
        assertThat(programme.get("status").asText()).isEqualTo("ACTIVE");

        HttpResponse<String> read = api.get("/api/programmes/" + id, "cps.zou");
        assertThat(read.statusCode()).isEqualTo(200);
        HttpResponse<String> same = api.send("PUT", "/api/programmes/" + id, "dpaf.agent", "application/json",
                body("Programme filets sociaux " + run, LocalDate.now().minusYears(2), "SOCIAL_PROTECTION"));
        assertThat(json.readTree(same.body()).get("version").asLong()).as("identical body, nothing changes").isZero();
        HttpResponse<String> changed = api.send("PUT", "/api/programmes/" + id, "dpaf.agent", "application/json",
                body("Programme filets sociaux " + run, LocalDate.now().minusYears(2), "FINANCIAL_INCLUSION"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(changed.body()).get("version").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'Programme' and entity_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(2);

        assertThat(api.send("DELETE", "/api/programmes/" + id, "cps.zou", "application/json", "").statusCode()).isEqualTo(403);
        assertThat(api.send("DELETE", "/api/programmes/" + id, "dpaf.agent", "application/json", "").statusCode()).isEqualTo(204);
        assertThat(api.get("/api/programmes/" + id, "dpaf.agent").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseInvalidDuplicateAndUnauthorisedWrites() throws Exception {
        HttpResponse<String> invalid = api.post("/api/programmes", "dpaf.agent",
                "{\"name\": \" \", \"partnerIds\": [999999999], \"domains\": [\"VBG\"], \"departments\": [\"Atlantide\"]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body()).get("errors").findValuesAsText("field"))
                .contains("name", "partnerIds", "domains", "departments", "startDate");

        created(body("Projet doublon " + run, LocalDate.now().minusYears(1), "FAMILY"));
        HttpResponse<String> duplicate = api.post("/api/programmes", "dpaf.agent",
                body("PROJET  Doublon " + run, LocalDate.now().minusYears(1), "FAMILY"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json.readTree(duplicate.body()).get("message").asText()).contains("déjà");

        for (String user : List.of("cps.zou", "manager", "sgm.signataire", "offe.agent")) {
            assertThat(api.post("/api/programmes", user, body("Refusé " + run, LocalDate.now(), "FAMILY")).statusCode())
                    .as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/programmes/999999999", "dpaf.agent").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/programmes?size=1000", "dpaf.agent").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldListTheProgrammesOlderThanFiveYearsPaged() throws Exception {
        long old = created(body("Ancien programme " + run, LocalDate.now().minusYears(6), "CHILD_PROTECTION")).get("id").asLong();
        long recent = created(body("Nouveau programme " + run, LocalDate.now().minusYears(4).minusMonths(11), "CHILD_PROTECTION"))
                .get("id").asLong();

        JsonNode older = json.readTree(api.get("/api/programmes?olderThanYears=5&q=" + run + "&size=50", "manager").body());
        List<Long> ids = older.get("content").findValues("id").stream().map(JsonNode::asLong).toList();
        assertThat(ids).contains(old).doesNotContain(recent);
        assertThat(older.get("totalElements").asLong()).isEqualTo(1);

        JsonNode all = json.readTree(api.get("/api/programmes?q=" + run + "&size=1&page=1", "manager").body());
        assertThat(all.get("totalElements").asLong()).isEqualTo(2);
        assertThat(all.get("totalPages").asInt()).isEqualTo(2);
        assertThat(all.get("content").size()).isEqualTo(1);
    }

    @Test
    void shouldImportProgrammesFromCsvRowByRow() throws Exception {
        String csv = """
                Nom;Partenaires;Départements;Domaines;Début;Fin;Budget
                Programme CSV A %1$s;%2$d;Zou|Borgou;Protection de l'enfant;01/02/2019;31/12/2027;1 500 000
                Programme CSV B %1$s;;national;FAMILY;2024-01-01;;
                Programme CSV C %1$s;;Zou;VBG;2024-01-01;;
                """.formatted(run, ptf.getId());
        HttpResponse<String> first = api.send("POST", "/api/programmes/import", "dpaf.agent", "text/csv", csv);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode report = json.readTree(first.body());
        assertThat(report.get("imported").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("rows").get(1).get("reasons").toString()).contains("departments");
        assertThat(report.get("rows").get(2).get("reasons").toString()).contains("VBG");
        assertThat(report.get("rows").get(0).get("row").asInt()).isEqualTo(2);

        String again = csv.replace("1 500 000", "2000000");
        JsonNode second = json.readTree(api.send("POST", "/api/programmes/import", "dpaf.agent", "text/csv", again).body());
        assertThat(second.get("updated").asInt()).isEqualTo(1);
        JsonNode third = json.readTree(api.send("POST", "/api/programmes/import", "dpaf.agent", "text/csv", again).body());
        assertThat(third.get("unchanged").asInt()).isEqualTo(1);
        assertThat(api.send("POST", "/api/programmes/import", "cps.zou", "text/csv", csv).statusCode()).isEqualTo(403);
        Long id = second.get("rows").get(0).get("programmeId").asLong();
        JsonNode stored = json.readTree(api.get("/api/programmes/" + id, "dpaf.agent").body());
        assertThat(stored.get("budgetXof").asLong()).isEqualTo(2_000_000L);
        assertThat(stored.get("startDate").asText()).isEqualTo("2019-02-01");
        assertThat(stored.get("domains").get(0).asText()).isEqualTo("CHILD_PROTECTION");
    }
}
