package dev.gantry.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.gantry.runtime.docker.DockerDriverConfig;
import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * What the benchmarks share: an in-process Gantry on a temp data dir with a cached busybox image and a one-container
 * task definition, an ECS client, an engine client for the baselines, and the baselines themselves.
 */
final class BenchGantry implements AutoCloseable {
    static final String IMAGE = "gantry-bench/busybox:1";
    static final String FAMILY = "bench";
    private static final String KEY = "AKIAGANTRYBENCH00001";
    private static final String SECRET = "gantry-bench-secret-00000000000000000000";

    final GantryServer server;
    final EcsClient ecs;
    final DockerClient docker;

    private BenchGantry(GantryServer server, EcsClient ecs, DockerClient docker) {
        this.server = server;
        this.ecs = ecs;
        this.docker = docker;
    }

    static BenchGantry start(Map<String, String> settings) throws IOException {
        Path dir = Files.createTempDirectory("gantry-bench-");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GANTRY_ACCESS_KEY_ID", KEY);
        env.put("GANTRY_SECRET_ACCESS_KEY", SECRET);
        env.putAll(settings);
        GantryServer server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        EcsClient ecs = EcsClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(credentials())
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        var config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
        DockerClient docker = DockerClientImpl.getInstance(
                config,
                new ApacheDockerHttpClient.Builder()
                        .dockerHost(config.getDockerHost())
                        .maxConnections(256)
                        .build());
        server.driver().buildBusyboxImage(IMAGE, server.config().busybox(), Map.of(), List.of(), false);
        ecs.registerTaskDefinition(b -> b.family(FAMILY)
                .cpu("256")
                .memory("512")
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .containerDefinitions(
                        c -> c.name("main").image(IMAGE).command("sleep", "300").stopTimeout(2)));
        return new BenchGantry(server, ecs, docker);
    }

    /** The admin key pair the bench's server is started with, for other SDK clients. */
    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET));
    }

    String network() {
        return server.config().networkName();
    }

    /** Sends RunTask; returns the task ARN (RunTask answers at once, in PROVISIONING). */
    String runTask() {
        return ecs.runTask(b -> b.taskDefinition(FAMILY)
                        .networkConfiguration(nc -> nc.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                .tasks()
                .get(0)
                .taskArn();
    }

    /** Polls DescribeTasks every {@code interval} until the task is RUNNING; fails if it stopped instead. */
    Task awaitRunning(String arn, Duration interval) throws InterruptedException {
        while (true) {
            Task t = ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
            if (t.lastStatus().equals("RUNNING")) {
                return t;
            }
            if (t.lastStatus().equals("STOPPED")) {
                throw new IllegalStateException("bench task stopped: " + t.stoppedReason());
            }
            if (!interval.isZero()) {
                Thread.sleep(interval);
            }
        }
    }

    void stopAndAwait(List<String> arns) throws InterruptedException {
        arns.forEach(arn -> ecs.stopTask(b -> b.task(arn)));
        for (String arn : arns) {
            while (!ecs.describeTasks(b -> b.tasks(arn))
                    .tasks()
                    .get(0)
                    .lastStatus()
                    .equals("STOPPED")) {
                Thread.sleep(50);
            }
        }
    }

    /** {@code docker run -d --network <gantry network> <image> sleep 300}: returns the container id. */
    String dockerRun() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("docker", "run", "-d", "--network", network(), IMAGE, "sleep", "300")
                .redirectErrorStream(true)
                .start();
        String id = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("docker run failed: " + id);
        }
        return id;
    }

    /** A started sandbox on the Gantry network, as the floor's pre-made network namespace. */
    String sandbox() {
        String id = docker.createContainerCmd(DockerDriverConfig.DEFAULT_SANDBOX_IMAGE)
                .withLabels(Map.of("gantry-bench", "floor"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode(network()))
                .exec()
                .getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** The floor: an engine-API create + start of the task's container into an existing sandbox's namespace. */
    String createAndStartIn(String sandboxId) {
        String id = docker.createContainerCmd(IMAGE)
                .withCmd("sleep", "300")
                .withLabels(Map.of("gantry-bench", "floor"))
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("container:" + sandboxId))
                .exec()
                .getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    void remove(List<String> containerIds) {
        for (String id : containerIds) {
            try {
                docker.removeContainerCmd(id).withForce(true).exec();
            } catch (RuntimeException e) {
                // gone already
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        String installation = server.driver().config().installationId();
        ecs.close();
        server.close();
        removeInstallation(installation); // the bench's temp data dir never starts again
        docker.close();
    }

    private static void removeInstallation(String installation) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=gantry.installation=" + installation)
                .start();
        List<String> ids = new String(ps.getInputStream().readAllBytes())
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        ps.waitFor();
        if (!ids.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of("docker", "rm", "-f"));
            cmd.addAll(ids);
            new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor();
        }
    }

    static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
