package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;

/**
 * What {@code gantry up} stops when it exits: only the tasks this run of {@code up} started. Two installations on
 * the real engine; on the first, up's task and a task of the same family run with {@code gantry run}; on the
 * second, a task of its own. After up's clean-up only up's task is STOPPED, and the second installation's
 * containers are all still there. (It stopped every task of the sample family before.)
 */
class UpCleanupIT {
    private static final String KEY = "AKIAGANTRYUPCLEAN001";
    private static final String SECRET = "gantry-up-cleanup-secret-00000000000000000";
    private static final String IMAGE = "gantry-it/up-cleanup:1";
    private static final List<String> INSTALLATIONS = new ArrayList<>();

    @Test
    void upStopsOnlyWhatThisRunStarted() throws Exception {
        GantryServer a = start();
        GantryServer b = start();
        try (EcsClient ecsA = ecs(a);
                EcsClient ecsB = ecs(b)) {
            String token = SampleCleanup.startedByToken();
            String upTask = run(ecsA, token);
            String userTask = run(ecsA, "gantry-cli");
            String otherInstallationTask = run(ecsB, token); // even the same token: another installation's
            for (String arn : List.of(upTask, userTask)) {
                awaitStatus(ecsA, arn, "RUNNING");
            }
            awaitStatus(ecsB, otherInstallationTask, "RUNNING");
            List<String> bContainers = containersOf(b.driver().config().installationId());

            SampleCleanup.stopTasksStartedBy(a, token);

            assertThat(status(ecsA, upTask)).isEqualTo("STOPPED");
            assertThat(status(ecsA, userTask)).isEqualTo("RUNNING");
            assertThat(status(ecsB, otherInstallationTask)).isEqualTo("RUNNING");
            assertThat(containersOf(b.driver().config().installationId())) // the warm pool may have added one
                    .as("the other installation's containers")
                    .containsAll(bContainers);
        } finally {
            a.close();
            b.close();
        }
    }

    private static GantryServer start() throws IOException {
        Path dir = Files.createTempDirectory("gantry-up-cleanup-");
        Map<String, String> env =
                new HashMap<>(Map.of("GANTRY_ACCESS_KEY_ID", KEY, "GANTRY_SECRET_ACCESS_KEY", SECRET));
        Optional.ofNullable(System.getenv("GANTRY_BUSYBOX")).ifPresent(v -> env.put("GANTRY_BUSYBOX", v));
        GantryServer server = GantryServer.start(GantryConfig.resolve(Optional.of(0), Optional.of(dir), env), env);
        server.awaitReady();
        INSTALLATIONS.add(server.driver().config().installationId());
        server.driver().buildBusyboxImage(IMAGE, server.config().busybox(), Map.of(), List.of(), false);
        return server;
    }

    private static EcsClient ecs(GantryServer server) {
        return EcsClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .build();
    }

    private static String run(EcsClient ecs, String startedBy) {
        ecs.registerTaskDefinition(b -> b.family("gantry-sample")
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(c -> c.name("web")
                        .image(IMAGE)
                        .essential(true)
                        .stopTimeout(2)
                        .command("sleep", "600")));
        return ecs.runTask(b -> b.taskDefinition("gantry-sample")
                        .launchType(LaunchType.FARGATE)
                        .startedBy(startedBy)
                        .networkConfiguration(n -> n.awsvpcConfiguration(v -> v.subnets("subnet-gantry"))))
                .tasks()
                .get(0)
                .taskArn();
    }

    private static String status(EcsClient ecs, String arn) {
        return ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0).lastStatus();
    }

    private static void awaitStatus(EcsClient ecs, String arn, String wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120)); // a hang guard only
        while (!status(ecs, arn).equals(wanted)) {
            assertThat(Instant.now()).as("task %s never became %s", arn, wanted).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static List<String> containersOf(String installation) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "docker", "ps", "-q", "--no-trunc", "--filter", "label=gantry.installation=" + installation)
                .start();
        List<String> ids = new String(p.getInputStream().readAllBytes())
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        p.waitFor();
        return ids;
    }

    @AfterAll
    static void removeInstallations() throws IOException, InterruptedException {
        for (String installation : INSTALLATIONS) { // temp data dirs never start again
            List<String> ids = new ArrayList<>();
            Process p = new ProcessBuilder(
                            "docker", "ps", "-aq", "--filter", "label=gantry.installation=" + installation)
                    .start();
            new String(p.getInputStream().readAllBytes())
                    .lines()
                    .filter(l -> !l.isBlank())
                    .forEach(ids::add);
            p.waitFor();
            if (!ids.isEmpty()) {
                List<String> cmd = new ArrayList<>(List.of("docker", "rm", "-f"));
                cmd.addAll(ids);
                new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor();
            }
        }
    }
}
