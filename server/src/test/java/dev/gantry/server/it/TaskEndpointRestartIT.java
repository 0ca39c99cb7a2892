package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * A task keeps its endpoint across a Gantry restart: the URIs it was created with still answer (the ids come from
 * the data dir's key, the index is rebuilt from the store, the redirect points at the new listener).
 */
class TaskEndpointRestartIT {
    private static final String IMAGE = "gantry-it/endpoint-restart:1";

    @Test
    void aRunningTasksUrisAnswerAfterARestart() throws Exception {
        Path dir = Files.createTempDirectory("gantry-endpoint-restart-it-");
        Map<String, String> env = new HashMap<>(TestGantry.env());
        env.put("GANTRY_NETWORK", "gantry-endpoint-restart-it");
        GantryConfig config = GantryConfig.resolve(Optional.of(0), Optional.of(dir), env);
        GantryServer first = GantryServer.start(config, env);
        try {
            first.driver()
                    .buildBusyboxImage(
                            IMAGE,
                            config.busybox(),
                            Map.of("/www/index.html", "up\n".getBytes(), "/tmp/.keep", new byte[0]),
                            List.of(),
                            true);
            EcsClient ecs = TestGantry.ecsClient(first.endpoint());
            // counts its successful fetches of its own task metadata, once a second, and serves the count (written
            // aside and renamed, so httpd never serves a file being rewritten)
            String loop = "n=0; while true; do if wget -qO /tmp/t $ECS_CONTAINER_METADATA_URI_V4/task"
                    + " && grep -q $TASK_MARK /tmp/t; then n=$((n+1)); echo $n > /www/n.tmp && mv /www/n.tmp /www/n;"
                    + " fi; sleep 1; done";
            ecs.registerTaskDefinition(TaskDefs.fargate(
                            "endpoint-restart",
                            TaskDefs.container("app", "sh", "-c", "httpd -p 8080 -h /www; " + loop)
                                    .image(IMAGE)
                                    .environment(KeyValuePair.builder()
                                            .name("TASK_MARK")
                                            .value("endpoint-restart")
                                            .build())
                                    .build())
                    .build());
            String arn = ecs.runTask(r -> r.taskDefinition("endpoint-restart")
                            .launchType(LaunchType.FARGATE)
                            .networkConfiguration(NetworkConfiguration.builder()
                                    .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                            .subnets("subnet-gantry")
                                            .build())
                                    .build()))
                    .tasks()
                    .get(0)
                    .taskArn();
            Task t = TestGantry.await(
                    () -> ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0),
                    x -> x.lastStatus().equals("RUNNING"),
                    Duration.ofSeconds(120),
                    "task running");
            String count =
                    "http://" + t.containers().get(0).networkInterfaces().get(0).privateIpv4Address() + ":8080/n";
            TestGantry.await(() -> fetches(count), n -> n >= 1, Duration.ofSeconds(60), "a first fetch");
            first.close();

            GantryServer second = GantryServer.start(config, env);
            try {
                second.awaitReady();
                assertThat(second.taskEndpointProblem()).isEmpty();
                int atRestart = fetches(count);
                TestGantry.await(
                        () -> fetches(count),
                        n -> n >= atRestart + 2,
                        Duration.ofSeconds(60),
                        "fetches through the restarted Gantry's endpoint");
            } finally {
                second.close();
            }
        } finally {
            first.close();
            Engine.removeInstallationOf(dir);
        }
    }

    private static int fetches(String url) {
        String body = TestGantry.getWhenListening(url).body().trim();
        return body.matches("\\d+") ? Integer.parseInt(body) : 0;
    }
}
