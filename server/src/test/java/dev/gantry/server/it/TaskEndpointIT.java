package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.control.endpoint.RoleCredentials;
import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ContainerOverride;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskOverride;

/**
 * The task endpoint at 169.254.170.2 as tasks see it, on a real engine: a busybox task fetches its own task
 * metadata, task stats and role credentials with {@code wget} (no configuration beyond the variables Gantry set),
 * another task on another IP is refused both with the first task's URIs, and the admin keys are nowhere in a
 * task's environment (read through the engine). Its own server on its own network, so the redirect rule of
 * 169.254.170.2 for that subnet is this server's. Role credentials come from a stand-in source here, to count
 * issues and renewals; IAM's real role sessions are exercised end to end by {@link InTaskSdkIT}.
 */
class TaskEndpointIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "gantry-it/endpoint:1";
    private static final String ROLE = "arn:aws:iam::000000000000:role/app-role";
    private static final AtomicInteger ISSUED = new AtomicInteger();
    private static Path dir;
    private static GantryServer server;
    private static EcsClient ecs;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("gantry-endpoint-it-");
        Map<String, String> env = new HashMap<>(TestGantry.env());
        env.put("GANTRY_NETWORK", "gantry-endpoint-it");
        server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        server.driver()
                .buildBusyboxImage(
                        IMAGE,
                        server.config().busybox(),
                        Map.of("/www/index.html", "up\n".getBytes(), "/tmp/.keep", new byte[0]),
                        List.of(),
                        true);
        assertThat(server.taskEndpointProblem())
                .as("the endpoint is set up (run as root)")
                .isEmpty();
        server.taskEndpoints()
                .roleCredentials((role, session, duration) -> new RoleCredentials(
                        "ASIAENDPOINTIT" + ISSUED.incrementAndGet(),
                        "secret-of-" + session,
                        "token-of-" + session,
                        Instant.now().plus(duration),
                        role));
        ecs = TestGantry.ecsClient(server.endpoint());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            Engine.removeInstallationOf(dir);
        }
    }

    /** A task that writes what it fetched into files its httpd serves, so the test reads them from the host. */
    private static String fetchingTask(String family, Optional<String> role, Map<String, String> env, String fetch) {
        var def = TaskDefs.fargate(
                family,
                TaskDefs.container("app", "sh", "-c", fetch + "; httpd -f -p 8080 -h /www")
                        .image(IMAGE)
                        .build());
        role.ifPresent(def::taskRoleArn);
        ecs.registerTaskDefinition(def.build());
        RunTaskRequest.Builder run = RunTaskRequest.builder()
                .taskDefinition(family)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets("subnet-gantry")
                                .build())
                        .build());
        if (!env.isEmpty()) {
            run.overrides(TaskOverride.builder()
                    .containerOverrides(ContainerOverride.builder()
                            .name("app")
                            .environment(env.entrySet().stream()
                                    .map(e -> KeyValuePair.builder()
                                            .name(e.getKey())
                                            .value(e.getValue())
                                            .build())
                                    .toList())
                            .build())
                    .build());
        }
        return ecs.runTask(run.build()).tasks().get(0).taskArn();
    }

    private static Task running(String taskArn) {
        return TestGantry.await(
                () -> ecs.describeTasks(b -> b.tasks(taskArn)).tasks().get(0),
                t -> t.lastStatus().equals("RUNNING") || t.lastStatus().equals("STOPPED"),
                Duration.ofSeconds(120),
                "task " + taskArn);
    }

    private static String ip(Task t) {
        return t.containers().get(0).networkInterfaces().get(0).privateIpv4Address();
    }

    private static Map<String, String> engineEnv(Task t) {
        String[] env =
                Engine.inspect(t.containers().get(0).runtimeId()).getConfig().getEnv();
        return Arrays.stream(env)
                .map(e -> e.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
    }

    private static String served(Task t, String file) {
        return TestGantry.getWhenListening("http://" + ip(t) + ":8080/" + file).body();
    }

    @Test
    void aTaskReadsItsOwnMetadataStatsAndCredentialsAndNoOtherTaskCan() throws Exception {
        String fetch = "wget -qO- $ECS_CONTAINER_METADATA_URI_V4/task > /www/task.json;"
                + " wget -qO- $ECS_CONTAINER_METADATA_URI_V4 > /www/container.json;"
                + " wget -qO- $ECS_CONTAINER_METADATA_URI/task > /www/task-v3.json;"
                + " i=0; while [ $i -lt 3 ]; do i=$((i+1)); sleep 1; done;"
                + " wget -qO- $ECS_CONTAINER_METADATA_URI_V4/task/stats > /www/stats.json;"
                + " wget -qO- http://169.254.170.2$AWS_CONTAINER_CREDENTIALS_RELATIVE_URI > /www/creds.json;"
                + " wget -qO- $AWS_ENDPOINT_URL/ > /www/api.out 2>&1";
        Task a = running(fetchingTask("endpoint-a", Optional.of(ROLE), Map.of(), fetch));
        assertThat(a.lastStatus()).isEqualTo("RUNNING");

        JsonNode task = JSON.readTree(served(a, "task.json"));
        assertThat(task.path("TaskARN").asText()).isEqualTo(a.taskArn());
        assertThat(task.path("Family").asText()).isEqualTo("endpoint-a");
        assertThat(task.path("LaunchType").asText()).isEqualTo("FARGATE");
        assertThat(task.path("Limits").path("CPU").asDouble()).isEqualTo(0.25);
        assertThat(task.path("Limits").path("Memory").asLong()).isEqualTo(512);
        JsonNode network = task.path("Containers").path(0).path("Networks").path(0);
        assertThat(network.path("IPv4Addresses").path(0).asText()).isEqualTo(ip(a));
        assertThat(network.path("NetworkMode").asText()).isEqualTo("awsvpc");
        JsonNode container = JSON.readTree(served(a, "container.json"));
        assertThat(container.path("DockerId").asText())
                .isEqualTo(a.containers().get(0).runtimeId());
        assertThat(container.path("Name").asText()).isEqualTo("app");
        assertThat(JSON.readTree(served(a, "task-v3.json")).path("TaskARN").asText())
                .isEqualTo(a.taskArn());

        JsonNode stats = JSON.readTree(served(a, "stats.json"));
        JsonNode own = stats.path(a.containers().get(0).runtimeId());
        assertThat(own.path("memory_stats").path("usage").asLong())
                .as("real memory use from the engine: %s", stats)
                .isPositive();
        assertThat(own.path("cpu_stats").path("cpu_usage").path("total_usage").asLong())
                .isPositive();

        JsonNode creds = JSON.readTree(served(a, "creds.json"));
        assertThat(creds.path("RoleArn").asText()).isEqualTo(ROLE);
        assertThat(creds.path("AccessKeyId").asText()).startsWith("ASIAENDPOINTIT");
        assertThat(creds.path("SecretAccessKey").asText())
                .isEqualTo("secret-of-" + a.taskArn().substring(a.taskArn().lastIndexOf('/') + 1));
        assertThat(creds.path("Token").asText()).startsWith("token-of-");
        assertThat(Instant.parse(creds.path("Expiration").asText())).isAfter(Instant.now());

        assertThat(served(a, "api.out"))
                .as("Gantry's AWS API answers at AWS_ENDPOINT_URL (unsigned: an error, but an HTTP one)")
                .containsPattern("HTTP/1.1 4\\d\\d");

        // the environment as the engine holds it: the endpoint variables, never Gantry's admin keys
        Map<String, String> envA = engineEnv(a);
        assertThat(envA)
                .containsKeys(
                        "ECS_CONTAINER_METADATA_URI_V4",
                        "ECS_CONTAINER_METADATA_URI",
                        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                        "AWS_ENDPOINT_URL",
                        "AWS_EXECUTION_ENV",
                        "AWS_REGION");
        assertThat(String.join("\n", envA.values()))
                .doesNotContain(TestGantry.ACCESS_KEY)
                .doesNotContain(TestGantry.SECRET_KEY);
        assertThat(envA).doesNotContainKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");

        // another task, on another IP, with A's URIs: refused
        String metaA = envA.get("ECS_CONTAINER_METADATA_URI_V4");
        String credsA = envA.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        String steal = "wget -qO- $A_META/task > /www/meta.out 2>&1; echo $? > /www/meta.rc;"
                + " wget -qO- http://169.254.170.2$A_CREDS > /www/creds.out 2>&1; echo $? > /www/creds.rc;"
                + " wget -qO- $ECS_CONTAINER_METADATA_URI_V4/task > /www/own.json";
        Task b = running(
                fetchingTask("endpoint-b", Optional.empty(), Map.of("A_META", metaA, "A_CREDS", credsA), steal));
        assertThat(ip(b)).isNotEqualTo(ip(a));
        assertThat(JSON.readTree(served(b, "own.json")).path("TaskARN").asText())
                .as("B reaches its own metadata")
                .isEqualTo(b.taskArn());
        assertThat(served(b, "meta.rc").trim())
                .as("B's wget of A's metadata: %s", served(b, "meta.out"))
                .isNotEqualTo("0");
        assertThat(served(b, "meta.out")).contains("404").doesNotContain(a.taskArn());
        assertThat(served(b, "creds.rc").trim())
                .as("B's wget of A's credentials: %s", served(b, "creds.out"))
                .isNotEqualTo("0");
        assertThat(served(b, "creds.out")).contains("400").doesNotContain("ASIAENDPOINTIT");
        assertThat(engineEnv(b))
                .as("a task without a role gets no credentials URI")
                .doesNotContainKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                .containsKey("ECS_CONTAINER_METADATA_URI_V4");

        // and from the host (not a task's IP), straight to the endpoint's listener: refused too
        var http = HttpClient.newHttpClient();
        String endpoint = "http://" + server.taskEndpointAddress().orElseThrow();
        HttpResponse<String> fromHost = http.send(
                HttpRequest.newBuilder(URI.create(endpoint + credsA)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fromHost.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(fromHost.body()).path("code").asText()).isEqualTo("InvalidIdInRequest");
    }
}
