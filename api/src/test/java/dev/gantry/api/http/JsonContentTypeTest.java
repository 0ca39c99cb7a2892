package dev.gantry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.auth.SdkSigning;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The AWS JSON codec reads a body only when it is sent as AWS JSON ({@code application/x-amz-json-1.0/1.1}, what
 * botocore, the SDKs and the CLI send); anything else is refused before the service runs.
 */
class JsonContentTypeTest {

    static final Principal ALICE = new Principal("AKIDALICE", "alice-secret", "arn:aws:iam::000000000000:user/alice");
    static final String TARGET = "AmazonEC2ContainerServiceV20141113.ListClusters";

    final FakeService ecs = FakeService.ecs().onJson("ListClusters", "{\"clusterArns\":[]}");
    ApiServer server;
    RawClient raw;

    @BeforeEach
    void start() {
        server = ApiServer.builder()
                .port(0)
                .service(ecs)
                .credentials(Credentials.of(ALICE))
                .build()
                .start();
        raw = new RawClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> post(String contentType) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (!contentType.isEmpty()) {
            headers.put("Content-Type", List.of(contentType));
        }
        headers.put("X-Amz-Target", List.of(TARGET));
        SdkHttpRequest signed = SdkSigning.sign(new SdkSigning.Spec(
                "POST",
                raw.uri("/"),
                headers,
                body,
                ALICE.accessKeyId(),
                ALICE.secretAccessKey(),
                "ecs",
                Instant.now(),
                true));
        Map<String, List<String>> sent = new LinkedHashMap<>(signed.headers());
        sent.keySet().removeIf(h -> h.equalsIgnoreCase("host") || h.equalsIgnoreCase("content-length"));
        return raw.send("POST", "/", sent, body);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/x-amz-json-1.1",
                "application/x-amz-json-1.0",
                "application/x-amz-json-1.1; charset=utf-8",
                "Application/X-Amz-Json-1.1",
                "Application/X-Amz-Json-1.0"
            })
    void awsJsonContentTypesAreServed(String contentType) {
        HttpResponse<String> response = post(contentType);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .contains(
                        contentType.toLowerCase().contains("1.0")
                                ? "application/x-amz-json-1.0"
                                : "application/x-amz-json-1.1");
        assertThat(ecs.calls).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", ""})
    void otherContentTypesAreRefusedBeforeTheServiceRuns(String contentType) throws Exception {
        HttpResponse<String> response = post(contentType);
        ApiServerHttpTest.assertAwsError(response, 400, "UnknownOperationException");
        assertThat(ApiServerHttpTest.json(response).get("message").asText()).contains("application/x-amz-json-1.1");
        assertThat(ecs.calls).isEmpty();
    }
}
