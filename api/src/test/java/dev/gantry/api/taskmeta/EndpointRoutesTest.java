package dev.gantry.api.taskmeta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.control.endpoint.EndpointIds;
import dev.gantry.control.endpoint.LiveTasks;
import dev.gantry.control.endpoint.RoleCredentialSource;
import dev.gantry.control.endpoint.RoleCredentials;
import dev.gantry.control.endpoint.TaskEndpoints;
import dev.gantry.core.arn.Arns;
import dev.gantry.runtime.fake.FakeDriver;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's replies that clients parse: the credentials document as botocore's ContainerProvider and the
 * Java SDK's ContainerCredentialsProvider read it, and the ECS agent's error shapes. (Replies for live tasks are
 * covered end to end by TaskEndpointIT.)
 */
class EndpointRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TaskEndpoints endpoints = new TaskEndpoints(
            new EndpointIds("0123456789abcdef0123456789abcdef".getBytes()),
            new LiveTasks(id -> Optional.empty()),
            FakeDriver.create(),
            RoleCredentialSource.UNAVAILABLE,
            InstantSource.system());
    private final EndpointRoutes routes =
            new EndpointRoutes(endpoints, new Arns("us-east-1", "000000000000"), InstantSource.system());

    @Test
    void credentialsHaveTheFieldsAndFormatsTheSdksParse() throws Exception {
        JsonNode n = JSON.readTree(EndpointRoutes.credentialsJson(new RoleCredentials(
                "ASIAEXAMPLE",
                "secret",
                "token",
                Instant.parse("2026-02-25T06:03:31.123456Z"),
                "arn:aws:iam::000000000000:role/app")));
        assertThat(n.path("AccessKeyId").asText()).isEqualTo("ASIAEXAMPLE");
        assertThat(n.path("SecretAccessKey").asText()).isEqualTo("secret");
        assertThat(n.path("Token").asText()).isEqualTo("token");
        assertThat(n.path("RoleArn").asText()).isEqualTo("arn:aws:iam::000000000000:role/app");
        assertThat(n.path("Expiration").asText()).isEqualTo("2026-02-25T06:03:31Z");
    }

    @Test
    void errorsAreTheAgents() throws Exception {
        var noId = routes.handle("10.0.0.2", "GET", "/v2/credentials/");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(JSON.readTree(noId.json()).path("code").asText()).isEqualTo("NoIdInRequest");
        var unknown = routes.handle("10.0.0.2", "GET", "/v2/credentials/0000-1111");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.json()).path("code").asText()).isEqualTo("InvalidIdInRequest");
        assertThat(JSON.readTree(unknown.json()).path("message").asText()).isEqualTo(EndpointRoutes.NOT_FOUND);
        var noTask = routes.handle("10.0.0.2", "GET", "/v4/abc-def/task");
        assertThat(noTask.status()).isEqualTo(404);
        assertThat(JSON.readTree(noTask.json()).asText()).isEqualTo(EndpointRoutes.NO_CONTAINER);
        assertThat(routes.handle("10.0.0.2", "GET", "/latest/meta-data/").status())
                .isEqualTo(404);
        assertThat(routes.handle("10.0.0.2", "POST", "/v4/abc").status()).isEqualTo(405);
    }
}
