package dev.gantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code gantry deploy} end to end through the real SDK client against a scripted stand-in for the ECS endpoint
 * (AWS JSON 1.1 over HTTP): the calls it makes, what it sends, what it prints and its exit code. The server's
 * services API is another slice of this issue; this pins the command's side of the conversation.
 */
class DeployCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TD = "arn:aws:ecs:us-east-1:000000000000:task-definition/web:";
    private static final String SERVICE_ARN = "arn:aws:ecs:us-east-1:000000000000:service/default/web";

    private final Deque<String> snapshots = new ArrayDeque<>();
    private StubAws ecs;

    @BeforeEach
    void start() {
        ecs = new StubAws(r -> StubAws.Reply.ok(reply(r.action(), json(r.body()))));
    }

    @AfterEach
    void stop() {
        ecs.close();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of the last request of that action. */
    private JsonNode sent(String action) {
        return ecs.requests().reversed().stream()
                .filter(r -> r.action().equals(action))
                .map(r -> json(r.body()))
                .findFirst()
                .orElseThrow();
    }

    private String reply(String action, JsonNode body) {
        return switch (action) {
            case "DescribeServices" ->
                "{\"services\":[" + (snapshots.size() > 1 ? snapshots.poll() : snapshots.peek()) + "],\"failures\":[]}";
            case "DescribeTaskDefinition" -> """
                {"taskDefinition":{"taskDefinitionArn":"%s3","family":"web","revision":3,"status":"ACTIVE",
                 "networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"compatibilities":["EC2","FARGATE"],
                 "cpu":"256","memory":"512","registeredAt":1700000000,
                 "containerDefinitions":[{"name":"app","image":"web:1","essential":true,"cpu":0,
                   "portMappings":[{"containerPort":8080,"hostPort":8080,"protocol":"tcp"}]},
                  {"name":"sidecar","image":"envoy:1","essential":false}]},
                 "tags":[{"key":"team","value":"payments"}]}
                """.formatted(TD);
            case "RegisterTaskDefinition" -> {
                ObjectNode def = (ObjectNode) body.deepCopy();
                def.remove("tags");
                def.put("taskDefinitionArn", TD + "4").put("revision", 4).put("status", "ACTIVE");
                yield "{\"taskDefinition\":" + def + "}";
            }
            case "UpdateService" ->
                "{\"service\":"
                        + service(
                                "ACTIVE",
                                deployment(2, "PRIMARY", 4, "IN_PROGRESS", 0, null) + ","
                                        + deployment(1, "ACTIVE", 3, "COMPLETED", 2, null),
                                event("e0", "has reached a steady state."))
                        + "}";
            default -> throw new IllegalStateException("unexpected " + action);
        };
    }

    private static String deployment(int id, String status, int revision, String rollout, int running, String reason) {
        return """
                {"id":"ecs-svc/%d","status":"%s","taskDefinition":"%s%d","rolloutState":"%s","desiredCount":2,\
                "runningCount":%d,"pendingCount":0,"failedTasks":0,"createdAt":%d%s}""".formatted(
                        id,
                        status,
                        TD,
                        revision,
                        rollout,
                        running,
                        1700000000 + id,
                        reason == null ? "" : ",\"rolloutStateReason\":\"" + reason + "\"");
    }

    private static String event(String id, String message) {
        return "{\"id\":\"" + id + "\",\"createdAt\":1700000100,\"message\":\"(service web) " + message + "\"}";
    }

    private static String service(String status, String deployments, String... events) {
        return """
                {"serviceName":"web","serviceArn":"%s","status":"%s","desiredCount":2,"runningCount":2,\
                "pendingCount":0,"taskDefinition":"%s4","deploymentController":{"type":"ECS"},\
                "deploymentConfiguration":{"minimumHealthyPercent":100,"maximumPercent":200,\
                "deploymentCircuitBreaker":{"enable":true,"rollback":true}},\
                "deployments":[%s],"events":[%s]}""".formatted(SERVICE_ARN, status, TD, deployments, String.join(",", events));
    }

    private StubAws.Run deploy(String... args) {
        DeployCommand cmd = new DeployCommand();
        cmd.poll = Duration.ofMillis(5);
        return ecs.run(cmd, args);
    }

    private static final String BEFORE = service(
            "ACTIVE", deployment(1, "PRIMARY", 3, "COMPLETED", 2, null), event("e0", "has reached a steady state."));

    @Test
    void registersTheNewRevisionUpdatesTheServiceAndFollowsItToCompleted() {
        snapshots.add(BEFORE);
        snapshots.add(service(
                "ACTIVE",
                deployment(2, "PRIMARY", 4, "IN_PROGRESS", 2, null) + ","
                        + deployment(1, "ACTIVE", 3, "COMPLETED", 0, null),
                event("e1", "has started 2 tasks: (task a) (task b)."),
                event("e0", "has reached a steady state.")));
        snapshots.add(service(
                "ACTIVE",
                deployment(2, "PRIMARY", 4, "COMPLETED", 2, "ECS deployment ecs-svc/2 completed."),
                event("e2", "has reached a steady state."),
                event("e1", "has started 2 tasks: (task a) (task b)."),
                event("e0", "has reached a steady state.")));
        StubAws.Run run = deploy("web", "--image", "web:2", "--container", "app");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(ecs.actions().subList(0, 4))
                .containsExactly(
                        "DescribeServices", "DescribeTaskDefinition", "RegisterTaskDefinition", "UpdateService");
        assertThat(sent("DescribeTaskDefinition").path("include").toString()).isEqualTo("[\"TAGS\"]");
        JsonNode registered = sent("RegisterTaskDefinition");
        assertThat(registered.at("/containerDefinitions/0/image").asText()).isEqualTo("web:2");
        assertThat(registered.at("/containerDefinitions/1/image").asText()).isEqualTo("envoy:1");
        assertThat(registered
                        .at("/containerDefinitions/0/portMappings/0/containerPort")
                        .asInt())
                .isEqualTo(8080);
        assertThat(registered.path("cpu").asText()).isEqualTo("256");
        assertThat(registered.path("networkMode").asText()).isEqualTo("awsvpc");
        assertThat(registered.path("tags").toString()).isEqualTo("[{\"key\":\"team\",\"value\":\"payments\"}]");
        assertThat(registered.has("taskDefinitionArn")
                        || registered.has("revision")
                        || registered.has("compatibilities"))
                .as("read-only fields are not sent")
                .isFalse();
        assertThat(sent("UpdateService").path("taskDefinition").asText()).isEqualTo(TD + "4");
        assertThat(sent("UpdateService").path("service").asText()).isEqualTo(SERVICE_ARN);
        assertThat(run.out().lines().map(l -> l.replaceFirst("^\\+\\d+s  ", "+Ns  ")))
                .containsExactly(
                        "registered web:4 (container app: web:1 → web:2)",
                        "service web: deploying web:4 as ecs-svc/2 (ROLLING, min 100% max 200%, circuit breaker with"
                                + " rollback)",
                        "+Ns  web:4 PRIMARY IN_PROGRESS 2/2 running | web:3 ACTIVE COMPLETED 0/2 running",
                        "+Ns  event: has started 2 tasks: (task a) (task b).",
                        "+Ns  web:4 PRIMARY COMPLETED 2/2 running",
                        "+Ns  event: has reached a steady state.",
                        "deployment ecs-svc/2 completed: web:4 runs 2/2 tasks");
    }

    @Test
    void aRollbackExitsNonZeroWithTheReason() {
        snapshots.add(BEFORE);
        snapshots.add(service(
                "ACTIVE",
                deployment(3, "PRIMARY", 3, "IN_PROGRESS", 2, null) + ","
                        + deployment(
                                2, "ACTIVE", 4, "FAILED", 0, "ECS deployment circuit breaker: tasks failed to start."),
                event("e3", "rolling back to deployment ecs-svc/1."),
                event("e0", "has reached a steady state.")));
        StubAws.Run run = deploy("web", "--image", "web:broken", "--container", "app");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("event: rolling back to deployment ecs-svc/1.");
        assertThat(run.err())
                .isEqualTo(
                        "error: deployment ecs-svc/2 of web:4 failed: ECS deployment circuit breaker: tasks failed to"
                                + " start.; the service is rolling back to web:3 (ecs-svc/3)" + System.lineSeparator());
    }

    @Test
    void severalContainersWithoutContainerStopsBeforeRegistering() {
        snapshots.add(BEFORE);
        StubAws.Run run = deploy("web", "--image", "web:2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("error: task definition web:3 has 2 containers (app, sidecar): say which one gets the new"
                        + " image with --container NAME");
        assertThat(ecs.actions()).containsExactly("DescribeServices", "DescribeTaskDefinition");
    }

    @Test
    void detachStartsTheDeploymentAndReturns() {
        snapshots.add(BEFORE);

        StubAws.Run run = deploy("web", "--image", "web:2", "--container", "app", "--detach");

        assertThat(run.exitCode()).isZero();
        assertThat(ecs.actions())
                .containsExactly(
                        "DescribeServices", "DescribeTaskDefinition", "RegisterTaskDefinition", "UpdateService");
        assertThat(run.out()).endsWith("follow it: gantry services web" + System.lineSeparator());
    }
}
