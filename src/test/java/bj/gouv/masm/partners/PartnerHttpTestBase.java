package bj.gouv.masm.partners;

import bj.gouv.masm.support.IntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** HTTP helpers for the registry tests (same Spring context as every integration test). */
abstract class PartnerHttpTestBase extends IntegrationTestBase {

    static final String DPAF = "dpaf.agent";
    static final String CPS_BORGOU = "cps.borgou";
    static final String MANAGER = "manager";
    static final String ANALYST = "analyst";
    static final String PASSWORD = "demo";

    @Autowired
    TestRestTemplate rest;

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A valid OSC active in one department (head office defaulted to it). */
    static Map<String, Object> osc(String name, String registrationNumber, String department) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("acronym", "TST");
        body.put("kind", "OSC");
        body.put("organisationType", "NATIONAL_NGO");
        body.put("registrationNumber", registrationNumber);
        body.put("subSectors", List.of("SOCIAL_AFFAIRS"));
        body.put("domains", List.of("CHILD_PROTECTION"));
        body.put("targetGroups", List.of("CHILDREN"));
        body.put("departments", new ArrayList<>(List.of(department)));
        body.put("nationwide", false);
        body.put("contactName", "Contact Test");
        body.put("email", "contact@test.invalid");
        body.put("phone", "+229 01 00 00 00 00");
        body.put("address", "Rue de test");
        return body;
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(baseUrl() + path, body, JsonNode.class);
    }

    ResponseEntity<JsonNode> put(String user, String path, Object body) {
        return rest.withBasicAuth(user, PASSWORD).exchange(baseUrl() + path, HttpMethod.PUT, new HttpEntity<>(body),
                JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, PASSWORD).getForEntity(baseUrl() + path, JsonNode.class);
    }

    long create(String user, Map<String, Object> body) {
        ResponseEntity<JsonNode> response = post(user, "/api/partners", body);
        if (response.getStatusCode().value() != 201) {
            throw new AssertionError("create failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return response.getBody().get("id").asLong();
    }

    ResponseEntity<JsonNode> importCsv(String user, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        return rest.withBasicAuth(user, PASSWORD).postForEntity(baseUrl() + "/api/partners/import",
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> importMultipart(String user, byte[] content) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "partenaires.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, PASSWORD).postForEntity(baseUrl() + "/api/partners/import",
                new HttpEntity<>(form, headers), JsonNode.class);
    }

    static List<String> fields(JsonNode errorBody) {
        List<String> fields = new ArrayList<>();
        errorBody.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
