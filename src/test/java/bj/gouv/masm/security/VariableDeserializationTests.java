package bj.gouv.masm.security;

import static bj.gouv.masm.security.SecurityFixtures.Actor.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bj.gouv.masm.support.IntegrationTestBase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An administrator (the only one who may set a case variable) or a compromised integration sends a JSON
 * object variable naming a foreign Java type: it is never turned into that object (deserialisation allow-list).
 */
class VariableDeserializationTests extends IntegrationTestBase {

    SecurityFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new SecurityFixtures(processEngine, baseUrl());
        fx.deployCaseProcess();
    }

    @Test
    void shouldNeverDeserialiseAJsonObjectVariableOfAForeignType() {
        ProcessInstance instance = fx.startCase("BORGOU");
        String path = "/engine-rest/process-instance/" + instance.getId() + "/variables/";
        HttpResponse<String> put = put(path + "gadget", """
                {"type": "Object", "value": "\\"http://evil.example/\\"",
                 "valueInfo": {"objectTypeName": "java.net.URL", "serializationDataFormat": "application/json"}}""");
        if (put.statusCode() >= 200 && put.statusCode() < 300) {
            // stored as text, but never read back as a java.net.URL
            HttpResponse<String> read = fx.get(ADMIN, path + "gadget");
            assertThat(read.statusCode()).as(read.body()).isNotEqualTo(200);
            assertThat(read.body()).contains("java.net.URL");
            assertThatThrownBy(() -> processEngine.getRuntimeService().getVariable(instance.getId(), "gadget"))
                    .hasStackTraceContaining("java.net.URL");
            HttpResponse<String> serialized = fx.get(ADMIN, path + "gadget?deserializeValue=false");
            assertThat(serialized.statusCode()).isEqualTo(200);
        } else {
            assertThat(put.body()).contains("java.net.URL");
        }
    }

    @Test
    void shouldStillDeserialiseTheAllowedTypes() {
        ProcessInstance instance = fx.startCase("BORGOU");
        String path = "/engine-rest/process-instance/" + instance.getId() + "/variables/";
        HttpResponse<String> put = put(path + "codes", """
                {"type": "Object", "value": "[\\"SIDOFFE-01\\", \\"SIDOFFE-02\\"]",
                 "valueInfo": {"objectTypeName": "java.util.ArrayList", "serializationDataFormat": "application/json"}}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        assertThat(fx.get(ADMIN, path + "codes").statusCode()).isEqualTo(200);
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), "codes"))
                .isEqualTo(List.of("SIDOFFE-01", "SIDOFFE-02"));
    }

    private HttpResponse<String> put(String path, String json) {
        return fx.send(ADMIN, HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
