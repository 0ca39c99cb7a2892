package dev.gantry.server.it;

import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * One real Gantry server for the integration tests in this JVM: a temp data dir, an ephemeral port, the real
 * Docker engine, and AWS SDK v2 clients pointed at it. Tasks run a busybox test image built locally.
 */
final class TestGantry {
    static final String ACCESS_KEY = "AKIAGANTRYTEST000001";
    static final String SECRET_KEY = "gantry-test-secret-key-0000000000000000000";
    static final String IMAGE = "gantry-it/busybox:1";

    private static TestGantry shared;

    final GantryServer server;
    final EcsClient ecs;
    final CloudWatchLogsClient logs;

    private TestGantry(GantryServer server) {
        this.server = server;
        this.ecs = ecsClient(server.endpoint());
        this.logs = logsClient(server.endpoint());
    }

    static EcsClient ecsClient(String endpoint) {
        return EcsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(credentials())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A trust policy that lets ECS tasks assume a role (what task and execution roles carry). */
    static final String TRUST_ECS_TASKS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    static software.amazon.awssdk.services.iam.IamClient iamClient(String endpoint) {
        return software.amazon.awssdk.services.iam.IamClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(credentials())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static software.amazon.awssdk.services.secretsmanager.SecretsManagerClient secretsClient(String endpoint) {
        return software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(credentials())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static software.amazon.awssdk.services.ssm.SsmClient ssmClient(String endpoint) {
        return software.amazon.awssdk.services.ssm.SsmClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(credentials())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static CloudWatchLogsClient logsClient(String endpoint) {
        return CloudWatchLogsClient.builder()
                .endpointOverride(URI.create(endpoint))
                .credentialsProvider(credentials())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    static synchronized TestGantry shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("gantry-it-");
                shared = start(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    shared.server.close();
                    Engine.removeInstallationOf(dir);
                }));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    static TestGantry start(Path dataDir) {
        GantryConfig config = GantryConfig.resolve(Optional.of(0), Optional.of(dataDir), env());
        return withImage(config, GantryServer.start(config, env(), feed -> {}));
    }

    private static TestGantry withImage(GantryConfig config, GantryServer server) {
        server.driver()
                .buildBusyboxImage(
                        IMAGE,
                        config.busybox(),
                        Map.of("/www/index.html", "hello from a gantry task\n".getBytes()),
                        List.of(),
                        true); // rebuilt per run: the content is the test's
        return new TestGantry(server);
    }

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("GANTRY_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("GANTRY_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("GANTRY_HOUSEKEEPING_SECONDS", "1"); // so tests see deferred purges without waiting a minute
        Optional.ofNullable(System.getenv("GANTRY_BUSYBOX")).ifPresent(b -> env.put("GANTRY_BUSYBOX", b));
        return env;
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    Task describe(String cluster, String taskArn) {
        return ecs.describeTasks(DescribeTasksRequest.builder()
                        .cluster(cluster)
                        .tasks(taskArn)
                        .build())
                .tasks()
                .get(0);
    }

    /** Polls DescribeTasks until the task satisfies {@code done}; fails after {@code limit} (a hang guard only). */
    Task awaitTask(String cluster, String taskArn, Predicate<Task> done, Duration limit) {
        return await(() -> describe(cluster, taskArn), done, limit, "task " + taskArn);
    }

    Task awaitStatus(String cluster, String taskArn, String lastStatus) {
        return awaitTask(
                cluster,
                taskArn,
                t -> t.lastStatus().equals(lastStatus)
                        || (!lastStatus.equals("STOPPED") && t.lastStatus().equals("STOPPED")),
                Duration.ofSeconds(120));
    }

    /**
     * GET from a task's own IP. RUNNING means the container started, not that its server listens yet (as on ECS),
     * so a refused connection is retried for a while.
     */
    static HttpResponse<String> getWhenListening(String url) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("nothing listens at " + url + " after 30 s", e);
                }
            } catch (IOException e) {
                throw new AssertionError("GET " + url + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static <T> T await(Supplier<T> probe, Predicate<T> done, Duration limit, String what) {
        Instant deadline = Instant.now().plus(limit);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what + " after " + limit + "; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
