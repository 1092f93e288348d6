package bj.gouv.masm.security;

import static bj.gouv.masm.security.SecurityFixtures.Actor.ANALYST;
import static bj.gouv.masm.security.SecurityFixtures.Actor.DPAF;
import static org.assertj.core.api.Assertions.assertThat;

import bj.gouv.masm.partners.PartnerRepository;
import bj.gouv.masm.support.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A page of another site makes the browser of a logged-in DPAF agent or analyst send a change: refused
 * (403 JSON) on /api and /engine-rest, while scripts, curl and Camunda Modeler (no Origin, no
 * Sec-Fetch-Site) and the server's own pages keep working.
 */
class CrossSiteRequestTests extends IntegrationTestBase {

    @Autowired
    PartnerRepository partners;

    SecurityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
    }

    @Test
    void shouldRefuseAPartnerPostedFromAnotherSiteWithTheAgentsCredentials() {
        String name = "Association trans-site " + UUID.randomUUID();
        HttpResponse<String> fromElsewhere = fx.send(DPAF, partnerPost(name).header("Origin", "https://evil.example"));
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
        assertThat(fromElsewhere.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(fromElsewhere.body()).contains("\"message\"").contains("autre site");

        assertThat(fx.send(DPAF, partnerPost(name).header("Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(403);
        assertThat(fx.send(DPAF, partnerPost(name).header("Sec-Fetch-Site", "same-site")).statusCode()).isEqualTo(403);
        assertThat(fx.send(DPAF, partnerPost(name).header("Origin", "null")).statusCode()).isEqualTo(403);
        assertThat(partners.findAll().stream().noneMatch(p -> p.getName().equals(name))).isTrue();

        // a safe request from another site is not a change
        assertThat(fx.send(DPAF, HttpRequest.newBuilder(URI.create(baseUrl() + "/api/reference/departments"))
                .header("Origin", "https://evil.example").GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldLetScriptsAndTheServersOwnPagesChangeData() {
        // curl / a script: no Origin, no Sec-Fetch-Site
        assertThat(fx.send(DPAF, partnerPost("Association script " + UUID.randomUUID())).statusCode()).isEqualTo(201);
        // a page of the server itself
        assertThat(fx.send(DPAF, partnerPost("Association même origine " + UUID.randomUUID())
                .header("Origin", baseUrl()).header("Sec-Fetch-Site", "same-origin")).statusCode()).isEqualTo(201);
    }

    @Test
    void shouldRefuseADeploymentPostedFromAnotherSiteWithTheAnalystsCredentials() {
        String key = "CrossSiteDeploy" + UUID.randomUUID().toString().substring(0, 8);
        String boundary = "----masm" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + key
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + key
                + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                + Bpmn.convertToString(SecurityFixtures.caseModel(key)) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = fx.send(ANALYST, HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("autre site");
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                .count()).isZero();
    }

    private HttpRequest.Builder partnerPost(String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String json = """
                {"name": "%s", "kind": "OSC", "organisationType": "NATIONAL_NGO",
                 "registrationNumber": "XS-%s", "headOfficeDepartment": "BORGOU", "departments": ["BORGOU"],
                 "subSectors": ["SOCIAL_AFFAIRS"], "domains": ["CHILD_PROTECTION"], "targetGroups": ["CHILDREN"]}"""
                .formatted(name, suffix);
        return HttpRequest.newBuilder(URI.create(baseUrl() + "/api/partners"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
