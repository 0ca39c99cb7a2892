package dev.gantry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The API listens before the engine is prepared: with an engine whose start blocks, DescribeTasks and ListTasks
 * answer from the store, a RunTask accepted meanwhile is run once the engine is there, and after a restart the
 * unfinished tasks are re-adopted behind an API that already answers. Real AWS SDK, real server, a held engine.
 */
class ListenFirstTest {
    private static final String KEY = "AKIAGANTRYLISTEN0001";
    private static final String SECRET = "gantry-listen-first-secret-000000000000000";
    private static final Map<String, String> ENV =
            Map.of("GANTRY_ACCESS_KEY_ID", KEY, "GANTRY_SECRET_ACCESS_KEY", SECRET);

    @TempDir
    Path dataDir;

    @Test
    void theApiAnswersAndAcceptsRunTaskWhileTheEngineIsStillStarting() throws Exception {
        HeldEngineDriver engine = new HeldEngineDriver();
        try (GantryServer server = startWithin60s(engine);
                EcsClient ecs = ecs(server)) {
            assertThat(engine.startEntered.await(60, TimeUnit.SECONDS))
                    .as("engine start began")
                    .isTrue();
            String arn = runTask(ecs);

            Task seen = ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
            assertThat(seen.lastStatus()).isEqualTo("PROVISIONING");
            assertThat(ecs.listTasks(b -> {}).taskArns()).containsExactly(arn);
            assertThat(engine.runnerCalls)
                    .as("no runner reaches the engine before it is prepared")
                    .isEmpty();

            engine.release();
            assertThat(engine.runnerCalls.poll(60, TimeUnit.SECONDS))
                    .as("the accepted task's runner ran")
                    .isEqualTo(taskId(arn));
        }
    }

    @Test
    void afterARestartTasksAreReadoptedBehindAnApiThatAlreadyAnswers() throws Exception {
        HeldEngineDriver first = new HeldEngineDriver();
        first.release();
        String arn;
        try (GantryServer server = startWithin60s(first);
                EcsClient ecs = ecs(server)) {
            arn = runTask(ecs);
            assertThat(first.runnerCalls.poll(60, TimeUnit.SECONDS)).isEqualTo(taskId(arn));
        } // closing leaves the task unfinished, for the next start to re-adopt

        HeldEngineDriver second = new HeldEngineDriver();
        try (GantryServer server = startWithin60s(second);
                EcsClient ecs = ecs(server)) {
            assertThat(second.startEntered.await(60, TimeUnit.SECONDS)).isTrue();
            Task seen = ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
            assertThat(seen.taskArn()).isEqualTo(arn);
            assertThat(seen.desiredStatus()).isEqualTo("RUNNING");
            assertThat(second.runnerCalls)
                    .as("re-adoption waits for the engine")
                    .isEmpty();

            second.release();
            assertThat(second.runnerCalls.poll(60, TimeUnit.SECONDS))
                    .as("the task was re-adopted")
                    .isEqualTo(taskId(arn));
        }
    }

    /** Before the fix, start() ran the engine's start on the caller's thread and never returned here. */
    private GantryServer startWithin60s(HeldEngineDriver engine) throws Exception {
        GantryConfig config = GantryConfig.resolve(Optional.of(0), Optional.of(dataDir), ENV);
        return CompletableFuture.supplyAsync(() -> GantryServer.start(config, ENV, installation -> engine))
                .get(60, TimeUnit.SECONDS); // a hang guard, not a timing assertion
    }

    private static EcsClient ecs(GantryServer server) {
        return EcsClient.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .build();
    }

    private static String runTask(EcsClient ecs) {
        ecs.registerTaskDefinition(b -> b.family("held")
                .networkMode("awsvpc")
                .requiresCompatibilitiesWithStrings("FARGATE")
                .cpu("256")
                .memory("512")
                .containerDefinitions(c -> c.name("app").image("busybox").essential(true)));
        return ecs.runTask(b -> b.taskDefinition("held")
                        .launchType(LaunchType.FARGATE)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry"))))
                .tasks()
                .get(0)
                .taskArn();
    }

    private static String taskId(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
