package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.AuthConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.model.RepositoryCredentials;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A private image pulls with {@code repositoryCredentials}: a real registry (Debian's docker-registry) on loopback
 * with htpasswd (bcrypt) basic auth holds an image pushed with credentials; a task whose credentials secret holds
 * them runs, one whose secret holds a wrong password stops with CannotPullContainerError in the engine's words.
 * The credentials live in Gantry's Secrets Manager (the good one named by ARN, the bad one by name) and are read
 * as the task's execution role, which IAM allows to read them.
 */
class PrivateRegistryIT {
    private static final Path REGISTRY = Path.of("/usr/bin/docker-registry");
    private static final Path HTPASSWD = Path.of("/usr/bin/htpasswd");
    private static final String BAD = "registry/bad";
    private static String role;
    private static String good;

    private static Path dir;
    private static TestGantry g;
    private static Process registry;
    private static String ref;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Files.isExecutable(REGISTRY), "docker-registry not installed (.ci/run installs it)");
        assumeTrue(Files.isExecutable(HTPASSWD), "htpasswd not installed (.ci/run installs apache2-utils)");
        dir = Files.createTempDirectory("gantry-private-registry-");
        Process h = new ProcessBuilder(HTPASSWD.toString(), "-Bbn", "ci", "right-horse-battery")
                .redirectOutput(dir.resolve("htpasswd").toFile())
                .start();
        assertThat(h.waitFor()).isZero();
        int port = ServerProcess.freePort();
        Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                auth:
                  htpasswd:
                    realm: gantry-it
                    path: %s
                """.formatted(dir.resolve("data"), port, dir.resolve("htpasswd")));
        registry = new ProcessBuilder(
                        REGISTRY.toString(), "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("registry.log").toFile())
                .start();
        awaitRegistry(port);
        ref = "127.0.0.1:" + port + "/gantry-it/private";
        try (DockerClient docker = Engine.client()) {
            docker.tagImageCmd(TestGantry.IMAGE, ref, "1").exec();
            assertThat(docker.pushImageCmd(ref)
                            .withTag("1")
                            .withAuthConfig(new AuthConfig()
                                    .withRegistryAddress("127.0.0.1:" + port)
                                    .withUsername("ci")
                                    .withPassword("right-horse-battery"))
                            .start()
                            .awaitCompletion(120, TimeUnit.SECONDS))
                    .as("push to the authenticated registry finished")
                    .isTrue();
            docker.removeImageCmd(ref + ":1").exec(); // now only the registry has it
        }
        g = TestGantry.start(dir.resolve("gantry"));
        String endpoint = g.server.endpoint();
        try (SecretsManagerClient sm = TestGantry.secretsClient(endpoint);
                IamClient iam = TestGantry.iamClient(endpoint)) {
            good = sm.createSecret(r -> r.name("registry/good")
                            .secretString("{\"username\":\"ci\",\"password\":\"right-horse-battery\"}"))
                    .arn();
            sm.createSecret(r -> r.name(BAD).secretString("{\"username\":\"ci\",\"password\":\"wrong\"}"));
            role = iam.createRole(r ->
                            r.roleName("ecsTaskExecutionRole").assumeRolePolicyDocument(TestGantry.TRUST_ECS_TASKS))
                    .role()
                    .arn();
            iam.putRolePolicy(r -> r.roleName("ecsTaskExecutionRole")
                    .policyName("registry-credentials")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"secretsmanager:GetSecretValue\","
                            + "\"Resource\":\"arn:aws:secretsmanager:us-east-1:000000000000:secret:registry/*\"}]}"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (g != null) {
            g.server.close();
            Engine.removeInstallationOf(dir.resolve("gantry"));
        }
        if (registry != null) {
            registry.destroy();
            registry.waitFor(10, TimeUnit.SECONDS);
        }
        try (DockerClient docker = Engine.client()) {
            docker.removeImageCmd(ref + ":1").withForce(true).exec();
        } catch (RuntimeException e) {
            // not pulled: nothing to remove
        }
    }

    private String run(String family, String credentials) {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        family,
                        TaskDefs.container("main", "sleep", "30")
                                .image(ref + ":1")
                                .repositoryCredentials(RepositoryCredentials.builder()
                                        .credentialsParameter(credentials)
                                        .build())
                                .build())
                .executionRoleArn(role)
                .build());
        return g.ecs.runTask(b -> b.taskDefinition(family)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                .tasks()
                .get(0)
                .taskArn();
    }

    @Test
    void aWrongPasswordFailsThePullAndTheRightOneRuns() {
        String bad = run("private-bad", BAD);
        Task failed = g.awaitStatus("default", bad, "STOPPED");
        assertThat(failed.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(failed.stoppedReason())
                .startsWith("CannotPullContainerError: pull image " + ref + ":1: ")
                .containsIgnoringCase("unauthorized");

        String goodTask = run("private-good", good);
        Task running = g.awaitStatus("default", goodTask, "RUNNING");
        assertThat(running.lastStatus())
                .as("reason: %s", running.stoppedReason())
                .isEqualTo("RUNNING");
        assertThat(running.containers().get(0).imageDigest()).startsWith("sha256:");
        g.ecs.stopTask(b -> b.task(goodTask));
        g.awaitStatus("default", goodTask, "STOPPED");
    }

    private static void awaitRegistry(int port) {
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
                code -> code == 401, // up, and asking for credentials
                Duration.ofSeconds(30),
                "authenticated registry on port " + port);
    }
}
