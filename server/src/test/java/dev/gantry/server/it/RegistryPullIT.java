package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * Images are pulled on demand: a real registry (Debian's docker-registry) on a loopback port serves an image that
 * is not in the engine's cache, and a task that names it pulls it, runs, and reports the pull timestamps.
 */
class RegistryPullIT {
    private static final Path REGISTRY = Path.of("/usr/bin/docker-registry");

    @Test
    void pullsAnImageThatIsNotCachedFromARegistry() throws Exception {
        assumeTrue(Files.isExecutable(REGISTRY), "docker-registry not installed (.ci/run installs it)");
        TestGantry g = TestGantry.shared();
        int port = ServerProcess.freePort();
        Path dir = Files.createTempDirectory("gantry-registry-");
        Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("data"), port));
        Process registry = new ProcessBuilder(
                        REGISTRY.toString(), "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        String ref = "127.0.0.1:" + port + "/gantry-it/pulled";
        try (DockerClient docker = Engine.client()) {
            try {
                pushAndRun(g, docker, port, ref);
            } finally {
                try {
                    docker.removeImageCmd(ref + ":1").withForce(true).exec();
                } catch (com.github.dockerjava.api.exception.NotFoundException e) {
                    // the pull did not happen; nothing to remove
                }
            }
        } finally {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static void pushAndRun(TestGantry g, DockerClient docker, int port, String ref) throws Exception {
        awaitRegistry(port);
        docker.tagImageCmd(TestGantry.IMAGE, ref, "1").exec();
        assertThat(docker.pushImageCmd(ref).withTag("1").start().awaitCompletion(120, TimeUnit.SECONDS))
                .as("push to the local registry finished")
                .isTrue();
        docker.removeImageCmd(ref + ":1").exec(); // now only the registry has this reference

        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "pulled",
                        TaskDefs.container("main", "sh", "-c", "echo pulled and ran")
                                .image(ref + ":1")
                                .build())
                .build());
        String arn = g.ecs.runTask(b -> b.taskDefinition("pulled")
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                .tasks()
                .get(0)
                .taskArn();
        Task t = g.awaitStatus("default", arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(t.containers().get(0).exitCode())
                .as("reason: %s", t.stoppedReason())
                .isZero();
        assertThat(t.containers().get(0).imageDigest()).startsWith("sha256:");
        assertThat(t.pullStartedAt()).isNotNull();
        assertThat(t.pullStoppedAt()).isAfterOrEqualTo(t.pullStartedAt());
        assertThat(docker.listImagesCmd().withImageNameFilter(ref + ":1").exec())
                .isNotEmpty();
    }

    private static void awaitRegistry(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        TestGantry.await(
                () -> {
                    try {
                        return http.send(
                                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (java.io.IOException e) {
                        return -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return -1;
                    }
                },
                code -> code == 200,
                Duration.ofSeconds(30),
                "local registry on port " + port);
    }
}
