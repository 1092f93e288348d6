package bj.gouv.masm.partners;

import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.shared.AuditEvent;
import bj.gouv.masm.shared.AuditTrail;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** The registry's REST API over HTTP with the demo users: create, read, update, search, errors, access. */
class PartnerApiTests extends PartnerHttpTestBase {

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldCreateReadAndUpdateAPartnerRecordingWhoDidIt() {
        String suffix = unique();
        Map<String, Object> body = osc("ONG Api Créée " + suffix, "API-" + suffix, "BORGOU");
        body.put("domains", List.of("CHILD_PROTECTION", "Autonomisation de la femme / violences basées sur le genre"));

        ResponseEntity<JsonNode> created = post(DPAF, "/api/partners", body);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/partners/" + id);
        JsonNode read = get(CPS_BORGOU, "/api/partners/" + id).getBody();
        assertThat(read.get("name").asText()).isEqualTo("ONG Api Créée " + suffix);
        assertThat(read.get("kind").asText()).isEqualTo("OSC");
        assertThat(read.get("organisationType").asText()).isEqualTo("NATIONAL_NGO");
        assertThat(read.get("registrationNumber").asText()).isEqualTo("API-" + suffix);
        // the only department of intervention becomes the head office; labels become codes
        assertThat(read.get("headOfficeDepartment").asText()).isEqualTo("BORGOU");
        assertThat(texts(read.get("domains"))).containsExactly("CHILD_PROTECTION", "WOMEN_EMPOWERMENT_GBV");
        assertThat(texts(read.get("subSectors"))).containsExactly("SOCIAL_AFFAIRS");
        assertThat(texts(read.get("targetGroups"))).containsExactly("CHILDREN");
        assertThat(texts(read.get("departments"))).containsExactly("BORGOU");
        assertThat(read.get("nationwide").asBoolean()).isFalse();
        assertThat(read.get("contactName").asText()).isEqualTo("Contact Test");
        assertThat(read.get("email").asText()).isEqualTo("contact@test.invalid");
        assertThat(read.get("phone").asText()).isEqualTo("+229 01 00 00 00 00");
        assertThat(read.get("address").asText()).isEqualTo("Rue de test");
        assertThat(read.get("createdBy").asText()).isEqualTo(DPAF);
        assertThat(read.get("createdAt").asText()).isNotBlank();

        body.put("email", "nouvelle@test.invalid");
        body.put("departments", List.of("BORGOU", "ALIBORI"));
        body.put("headOfficeDepartment", "Borgou");
        ResponseEntity<JsonNode> updated = put(CPS_BORGOU, "/api/partners/" + id, body);

        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        JsonNode after = get(DPAF, "/api/partners/" + id).getBody();
        assertThat(after.get("email").asText()).isEqualTo("nouvelle@test.invalid");
        assertThat(texts(after.get("departments"))).containsExactly("ALIBORI", "BORGOU");
        assertThat(after.get("createdBy").asText()).isEqualTo(DPAF);
        assertThat(after.get("updatedBy").asText()).isEqualTo(CPS_BORGOU);
        List<AuditEvent> history = auditTrail.historyOf(PartnerService.AUDIT_ENTITY, id);
        assertThat(history).extracting(AuditEvent::getAction).containsExactly("CREATE", "UPDATE");
        assertThat(history).extracting(AuditEvent::getActor).containsExactly(DPAF, CPS_BORGOU);
        assertThat(history.get(1).getDetails()).contains("departments", "email").doesNotContain("name");

        // the same data again changes nothing: no new audit event, same update stamp
        put(DPAF, "/api/partners/" + id, body);
        assertThat(auditTrail.historyOf(PartnerService.AUDIT_ENTITY, id)).hasSize(2);
        assertThat(get(DPAF, "/api/partners/" + id).getBody().get("updatedBy").asText()).isEqualTo(CPS_BORGOU);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownPartner() {
        ResponseEntity<JsonNode> response = get(DPAF, "/api/partners/987654321");
        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody().get("message").asText()).contains("987654321");
        assertThat(put(DPAF, "/api/partners/987654321", osc("X " + unique(), "NF-" + unique(), "ZOU"))
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void shouldListEveryFieldErrorAtOnce() {
        Map<String, Object> body = osc("  ", null, "BORGOU");
        body.put("kind", "ONG");
        body.put("organisationType", "PAS_UN_TYPE");
        body.put("email", "pas-une-adresse");
        body.put("domains", List.of("CHILD_PROTECTION", "ASTROLOGIE"));
        body.put("departments", List.of("BORGOU", "NARNIA"));
        body.put("acronym", "A".repeat(41));
        body.put("phone", "appelez-moi");

        ResponseEntity<JsonNode> response = post(DPAF, "/api/partners", body);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("message").asText()).isNotBlank();
        assertThat(fields(response.getBody())).containsExactlyInAnyOrder("name", "acronym", "kind",
                "organisationType", "domains", "departments", "email", "phone");
        assertThat(response.getBody().toString()).contains("ASTROLOGIE", "NARNIA");
    }

    @Test
    void shouldRequireRegistrationNumberAndHeadOfficeForAnOscButNotForAPtf() {
        Map<String, Object> osc = osc("ONG Sans Numéro " + unique(), null, "BORGOU");
        osc.put("departments", List.of("BORGOU", "ZOU"));
        osc.put("organisationType", null);

        ResponseEntity<JsonNode> refused = post(DPAF, "/api/partners", osc);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(refused.getBody())).containsExactlyInAnyOrder("registrationNumber", "headOfficeDepartment",
                "organisationType");

        Map<String, Object> ptf = osc("Agence Test " + unique(), null, "BORGOU");
        ptf.put("kind", "PTF");
        ptf.put("organisationType", "Agence bilatérale / ambassade");
        ptf.put("departments", List.of());
        ptf.put("nationwide", true);
        long id = create(DPAF, ptf);
        JsonNode read = get(DPAF, "/api/partners/" + id).getBody();
        assertThat(read.get("organisationType").asText()).isEqualTo("BILATERAL_AGENCY");
        assertThat(read.get("nationwide").asBoolean()).isTrue();
        assertThat(read.has("registrationNumber")).isFalse();
    }

    @Test
    void shouldRefuseADuplicateRegistrationNumber() {
        String number = "DUP-" + unique();
        create(DPAF, osc("ONG Originale " + unique(), number, "ZOU"));

        ResponseEntity<JsonNode> response = post(DPAF, "/api/partners", osc("ONG Copie " + unique(), number, "ZOU"));

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getBody().get("message").asText()).contains(number);
    }

    @Test
    void shouldRefuseTheSameNormalisedNameOfTheSameKind() {
        String suffix = unique();
        long id = create(DPAF, osc("ONG  Espoir " + suffix, "ESP1-" + suffix, "ZOU"));

        for (String variant : List.of("ong espoir " + suffix.toLowerCase(), "ONG Éspoir " + suffix,
                "  Ong   ESPOIR   " + suffix + " ")) {
            ResponseEntity<JsonNode> response = post(DPAF, "/api/partners", osc(variant, "ESP2-" + unique(), "ZOU"));
            assertThat(response.getStatusCode().value()).as(variant).isEqualTo(409);
            assertThat(response.getBody().get("message").asText()).contains("(id " + id + ")");
        }
        // a PTF may bear the name of an OSC
        Map<String, Object> ptf = osc("ONG Espoir " + suffix, null, "ZOU");
        ptf.put("kind", "PTF");
        assertThat(post(DPAF, "/api/partners", ptf).getStatusCode().value()).isEqualTo(201);
        // an update may not take another partner's name either
        long other = create(DPAF, osc("ONG Autre " + suffix, "ESP3-" + suffix, "ZOU"));
        ResponseEntity<JsonNode> renamed = put(DPAF, "/api/partners/" + other, osc("ONG ESPOIR " + suffix,
                "ESP3-" + suffix, "ZOU"));
        assertThat(renamed.getStatusCode().value()).isEqualTo(409);
        assertThat(get(DPAF, "/api/partners/" + other).getBody().get("name").asText()).isEqualTo("ONG Autre " + suffix);
    }

    @Test
    void shouldPageAndFilterWithTheTotalCount() {
        String token = "Filtre" + unique();
        Map<String, Object> first = osc("ONG A " + token, "F1-" + token, "MONO");
        Map<String, Object> second = osc("ONG B " + token, "F2-" + token, "COUFFO");
        second.put("domains", List.of("ELDERLY"));
        Map<String, Object> third = osc("Agence C " + token, null, "COUFFO");
        third.put("kind", "PTF");
        third.put("departments", List.of());
        third.put("nationwide", true);
        third.put("headOfficeDepartment", "LITTORAL");
        long a = create(DPAF, first);
        long b = create(DPAF, second);
        long c = create(DPAF, third);

        JsonNode all = get(DPAF, "/api/partners?q=" + token.toLowerCase()).getBody();
        assertThat(all.get("totalElements").asLong()).isEqualTo(3);
        // sorted by name, case and accents ignored: "Agence C", "ONG A", "ONG B"
        assertThat(ids(all)).containsExactly(c, a, b);

        JsonNode page0 = get(DPAF, "/api/partners?q=" + token + "&size=2&page=0").getBody();
        JsonNode page1 = get(DPAF, "/api/partners?q=" + token + "&size=2&page=1").getBody();
        assertThat(page0.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page0.get("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(page0)).containsExactly(c, a);
        assertThat(ids(page1)).containsExactly(b);

        assertThat(ids(get(DPAF, "/api/partners?q=" + token + "&kind=PTF").getBody())).containsExactly(c);
        assertThat(ids(get(DPAF, "/api/partners?q=" + token + "&kind=osc").getBody())).containsExactly(a, b);
        assertThat(ids(get(DPAF, "/api/partners?q=" + token + "&domain=ELDERLY").getBody())).containsExactly(b);
        // active in Mono: the Mono OSC and the nationwide PTF
        assertThat(ids(get(DPAF, "/api/partners?q=" + token + "&department=MONO").getBody())).containsExactly(c, a);
        assertThat(ids(get(DPAF, "/api/partners?q=F2-" + token).getBody())).containsExactly(b);
        assertThat(ids(get(DPAF, "/api/partners?q=" + token + "&department=COUFFO&domain=ELDERLY&kind=OSC")
                .getBody())).containsExactly(b);

        assertThat(get(DPAF, "/api/partners?size=1000").getBody().get("size").asInt()).isEqualTo(100);
        ResponseEntity<JsonNode> bad = get(DPAF, "/api/partners?department=NARNIA&kind=XYZ&page=-1");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(bad.getBody())).containsExactlyInAnyOrder("department", "kind", "page");
    }

    @Test
    void shouldRequireAuthentication() {
        ResponseEntity<JsonNode> anonymous = rest.getForEntity(baseUrl() + "/api/partners", JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getBody().get("message").asText()).isNotBlank();
        // an unknown user: a wrong password for a real demo user would make Camunda delay its next logins
        ResponseEntity<JsonNode> wrongPassword = rest.withBasicAuth("nobody-" + unique(), "wrong")
                .postForEntity(baseUrl() + "/api/partners", osc("X", "Y", "ZOU"), JsonNode.class);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void shouldLetACpsChangeOnlyPartnersActiveInItsDepartment() {
        String suffix = unique();
        long alibori = create(DPAF, osc("ONG Alibori " + suffix, "ALI-" + suffix, "ALIBORI"));
        Map<String, Object> changed = osc("ONG Alibori " + suffix, "ALI-" + suffix, "ALIBORI");
        changed.put("email", "pirate@test.invalid");

        ResponseEntity<JsonNode> refused = put(CPS_BORGOU, "/api/partners/" + alibori, changed);

        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("message").asText()).contains("Borgou");
        JsonNode unchanged = get(CPS_BORGOU, "/api/partners/" + alibori).getBody();
        assertThat(unchanged.get("email").asText()).isEqualTo("contact@test.invalid");
        assertThat(unchanged.get("updatedBy").asText()).isEqualTo(DPAF);
        assertThat(auditTrail.historyOf(PartnerService.AUDIT_ENTITY, alibori)).hasSize(1);

        // creating: in Borgou yes, in Alibori no
        assertThat(post(CPS_BORGOU, "/api/partners", osc("ONG Borgou " + suffix, "BOR-" + suffix, "BORGOU"))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(post(CPS_BORGOU, "/api/partners", osc("ONG Ailleurs " + suffix, "AIL-" + suffix, "ALIBORI"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from partner where registration_number = ?", Integer.class,
                "AIL-" + suffix)).isZero();

        // a CPS may not move its partner out of its department
        long borgou = create(CPS_BORGOU, osc("ONG Mobile " + suffix, "MOB-" + suffix, "BORGOU"));
        ResponseEntity<JsonNode> moved = put(CPS_BORGOU, "/api/partners/" + borgou,
                osc("ONG Mobile " + suffix, "MOB-" + suffix, "ZOU"));
        assertThat(moved.getStatusCode().value()).isEqualTo(403);
        assertThat(texts(get(DPAF, "/api/partners/" + borgou).getBody().get("departments"))).containsExactly("BORGOU");
    }

    @Test
    void shouldLetManagersAndAnalystsOnlyRead() {
        String suffix = unique();
        long id = create(DPAF, osc("ONG Lecture " + suffix, "LEC-" + suffix, "ZOU"));
        for (String user : List.of(MANAGER, ANALYST)) {
            assertThat(get(user, "/api/partners/" + id).getStatusCode().value()).isEqualTo(200);
            assertThat(get(user, "/api/partners?q=" + suffix).getBody().get("totalElements").asLong()).isEqualTo(1);
            ResponseEntity<JsonNode> created = post(user, "/api/partners", osc("ONG " + user + suffix, "M-" + user + suffix, "ZOU"));
            assertThat(created.getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(created.getBody().get("message").asText()).isNotBlank();
            assertThat(put(user, "/api/partners/" + id, osc("ONG Lecture " + suffix, "LEC-" + suffix, "ZOU"))
                    .getStatusCode().value()).as(user).isEqualTo(403);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new java.util.ArrayList<>();
        page.get("content").forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }
}
