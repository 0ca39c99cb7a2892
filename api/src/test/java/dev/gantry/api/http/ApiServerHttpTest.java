package dev.gantry.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.auth.Credentials;
import dev.gantry.api.auth.Principal;
import dev.gantry.api.protocol.Json;
import dev.gantry.core.error.ApiException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Raw HTTP against ApiServer: status codes, AWS error shapes and headers, unsigned routes. */
class ApiServerHttpTest {

    static final Principal ALICE = new Principal("AKIDALICE", "alice-secret", "arn:aws:iam::000000000000:user/alice");
    static final String ECS = "AmazonEC2ContainerServiceV20141113.";

    final FakeService ecs = FakeService.ecs();
    final AtomicInteger ids = new AtomicInteger();
    ApiServer server;
    RawClient client;

    @BeforeEach
    void start() {
        ecs.onJson("ListClusters", "{\"clusterArns\":[]}");
        ecs.on("Echo", input -> input);
        ecs.on("Explode", input -> {
            throw new IllegalStateException("secret internals: jdbc:sqlite:/var/lib/gantry.db");
        });
        ecs.on("Missing", input -> {
            throw ApiException.clusterNotFound();
        });
        server = ApiServer.builder()
                .service(ecs)
                .credentials(Credentials.of(ALICE))
                .requestIds(() -> "req-" + ids.incrementAndGet())
                .maxContentLength(64 * 1024)
                .route(HttpRoute.of("/v4", r -> HttpReply.text(200, "v4 " + r.path() + "?" + r.rawQuery())))
                .route(HttpRoute.of("/v4/special", r -> HttpReply.of(201, "application/json", "{}".getBytes())))
                .build()
                .start();
        client = new RawClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    static void assertAwsError(HttpResponse<String> response, int status, String type) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(json(response).get("__type").asText()).isEqualTo(type);
        assertThat(json(response).get("message").asText()).isNotBlank();
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
    }

    @Test
    void signedRequestGets200JsonWithRequestId() throws Exception {
        HttpResponse<String> response = client.signedPost(ALICE, "ecs", ECS + "ListClusters", "{}".getBytes());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("clusterArns").isArray()).isTrue();
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.1");
        assertThat(response.headers().firstValue("x-amzn-RequestId"))
                .contains(ecs.calls.getFirst().context().requestId());
        assertThat(response.headers().firstValue("Date")).isPresent();
    }

    @Test
    void emptyBodyIsAnEmptyObject() throws Exception {
        HttpResponse<String> response = client.signedPost(ALICE, "ecs", ECS + "Echo", new byte[0]);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void unexpectedExceptionIs500InternalFailureWithoutDetails() throws Exception {
        HttpResponse<String> response = client.signedPost(ALICE, "ecs", ECS + "Explode", "{}".getBytes());

        assertAwsError(response, 500, "InternalFailure");
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
        assertThat(json(response).get("message").asText())
                .isEqualTo("The request processing has failed because of an unknown error (request id " + requestId
                        + ").");
        assertThat(response.body())
                .doesNotContain("secret internals", "IllegalStateException", "at dev.gantry", "\tat ");
    }

    @Test
    void namedErrorUsesItsWireNameAndStatus() throws Exception {
        HttpResponse<String> response = client.signedPost(ALICE, "ecs", ECS + "Missing", "{}".getBytes());

        assertAwsError(response, 400, "ClusterNotFoundException");
        assertThat(json(response).get("message").asText()).isEqualTo("Cluster not found.");
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken403() throws Exception {
        HttpResponse<String> response = client.unsignedPost(ECS + "ListClusters", "{}");

        assertAwsError(response, 403, "MissingAuthenticationTokenException");
        assertThat(json(response).get("message").asText()).isEqualTo("Missing Authentication Token");
        assertThat(ecs.calls).isEmpty();
    }

    @Test
    void signedButInvalidJsonIsSerializationException400() throws Exception {
        HttpResponse<String> response = client.signedPost(ALICE, "ecs", ECS + "Echo", "{\"a\": ".getBytes());

        assertAwsError(response, 400, "SerializationException");
        assertThat(ecs.calls).isEmpty();
    }

    @Test
    void signedJsonThatIsNotAnObjectIsSerializationException400() throws Exception {
        assertAwsError(
                client.signedPost(ALICE, "ecs", ECS + "Echo", "[1,2]".getBytes()), 400, "SerializationException");
        assertAwsError(
                client.signedPost(ALICE, "ecs", ECS + "Echo", "{} {}".getBytes()), 400, "SerializationException");
    }

    @Test
    void unknownTargetPrefixIsUnknownOperation() throws Exception {
        HttpResponse<String> response = client.signedPost(ALICE, "ecs", "NoSuchService_2020.DoIt", "{}".getBytes());

        assertAwsError(response, 400, "UnknownOperationException");
    }

    @Test
    void missingTargetIsUnknownOperation() throws Exception {
        HttpResponse<String> response = client.send("POST", "/", Map.of(), "{}".getBytes());

        assertAwsError(response, 400, "UnknownOperationException");
    }

    @Test
    void operationTheServiceDoesNotKnowIsUnknownOperation() throws Exception {
        assertAwsError(
                client.signedPost(ALICE, "ecs", ECS + "NoSuchOp", "{}".getBytes()), 400, "UnknownOperationException");
    }

    @Test
    void signatureScopedToAnotherServiceIsRejected() throws Exception {
        HttpResponse<String> response = client.signedPost(ALICE, "logs", ECS + "ListClusters", "{}".getBytes());

        assertAwsError(response, 403, "InvalidSignatureException");
        assertThat(json(response).get("message").asText())
                .isEqualTo("Credential should be scoped to correct service: 'ecs'.");
    }

    @Test
    void healthIsUnsignedPlainOk() {
        HttpResponse<String> response = client.get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/plain"));
    }

    @Test
    void registeredRoutesServeUnsignedGetsLongestPrefixFirst() {
        assertThat(client.get("/v4/abc?x=1").body()).isEqualTo("v4 /v4/abc?x=1");
        assertThat(client.get("/v4").body()).isEqualTo("v4 /v4?");
        assertThat(client.get("/v4/special/thing").statusCode()).isEqualTo(201);
        assertThat(client.get("/v4x").statusCode()).isEqualTo(404);
    }

    @Test
    void otherMethodsAndPathsAre404UnknownOperation() throws Exception {
        assertAwsError(client.get("/nope"), 404, "UnknownOperationException");
        assertAwsError(client.send("PUT", "/", Map.of(), new byte[0]), 404, "UnknownOperationException");
        assertAwsError(
                client.send(
                        "POST", "/elsewhere", Map.of("X-Amz-Target", List.of(ECS + "ListClusters")), "{}".getBytes()),
                404,
                "UnknownOperationException");
    }

    @Test
    void bodyOverTheLimitIs413SerializationException() throws Exception {
        byte[] big = ("{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = client.send("POST", "/", Map.of("X-Amz-Target", List.of(ECS + "Echo")), big);

        assertAwsError(response, 413, "SerializationException");
        assertThat(client.get("/health").statusCode()).isEqualTo(200); // the server is fine afterwards
    }

    @Test
    void oversizedBodyAnnouncedWithExpectContinueGetsTheJson413Too() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: " + ECS + "Echo\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + (20 * 1024 * 1024)
                    + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("SerializationException")
                    .contains("x-amzn-ErrorType");
        }
    }

    @Test
    void anOversizedBodyIsAnsweredWhileStillArrivingAndTheConnectionStaysUsable() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            int length = 200 * 1024;
            String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: " + ECS + "Echo\r\n"
                    + "Content-Type: application/x-amz-json-1.1\r\nContent-Length: " + length + "\r\n\r\n";
            var out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            String[] first = ApiServerLifecycleTest.readResponses(socket.getInputStream(), 1);
            assertThat(first[0]).contains("SerializationException"); // before the body has been sent in full
            out.write(new byte[length - 1024]); // the rest is read and discarded, not answered with a reset
            out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(ApiServerLifecycleTest.readResponses(socket.getInputStream(), 1))
                    .containsExactly("ok");
        }
    }
}
