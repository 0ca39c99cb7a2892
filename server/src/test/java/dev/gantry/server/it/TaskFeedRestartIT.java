package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.feed.TaskTransition;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.server.GantryConfig;
import dev.gantry.server.GantryServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * The task-change feed across a real kill -9: a server process runs two tasks and is SIGKILLed; one task's
 * container exits while no server runs. A server started in-process on the same data dir, with a subscriber
 * added before re-adoption, delivers for each task a RESYNC at its stored version, then every change after it in
 * order (the exit recorded with its code, the stop) up to STOPPED, ending at the version DescribeTasks reports.
 */
class TaskFeedRestartIT {

    @Test
    void aSubscriberSeesTheReplayAfterKillDashNineAndEveryTransitionAfterItInOrder() throws Exception {
        Path dir = Files.createTempDirectory("gantry-feed-restart-");
        int port = ServerProcess.freePort();
        ServerProcess first = ServerProcess.start(dir, port);
        try {
            runScenario(dir, port, first);
        } finally {
            first.kill();
            Engine.removeInstallationOf(dir);
        }
    }

    private void runScenario(Path dir, int port, ServerProcess first) throws Exception {
        String exitingArn;
        String longArn;
        long exitingVersionAtKill;
        long longVersionAtKill;
        try (EcsClient ecs = TestGantry.ecsClient(first.endpoint())) {
            TestGantry.shared(); // builds the busybox test image
            ecs.registerTaskDefinition(TaskDefs.fargate(
                            "feed-exit",
                            TaskDefs.container("main", "sh", "-c", "sleep 6; exit 7")
                                    .build())
                    .build());
            ecs.registerTaskDefinition(TaskDefs.fargate(
                            "feed-long",
                            TaskDefs.container("main", "sleep", "300")
                                    .stopTimeout(2)
                                    .build())
                    .build());
            exitingArn = run(ecs, "feed-exit");
            longArn = run(ecs, "feed-long");
            exitingVersionAtKill = awaitRunning(ecs, exitingArn).version();
            longVersionAtKill = awaitRunning(ecs, longArn).version();
        }
        first.kill(); // SIGKILL: no shutdown, the containers keep running
        String exitingId = exitingArn.substring(exitingArn.lastIndexOf('/') + 1);
        TestGantry.await(
                () -> Engine.inspect("gantry-" + exitingId + "-main").getState().getStatus(),
                "exited"::equals,
                Duration.ofSeconds(60),
                "the feed-exit container to exit while no server runs");

        List<TaskTransition> seen = new CopyOnWriteArrayList<>();
        GantryConfig config = GantryConfig.resolve(Optional.of(0), Optional.of(dir), TestGantry.env());
        try (GantryServer second =
                        GantryServer.start(config, TestGantry.env(), feed -> feed.subscribe("it", seen::add));
                EcsClient ecs = TestGantry.ecsClient(second.endpoint())) {
            Task exited = TestGantry.await(
                    () -> describe(ecs, exitingArn),
                    t -> t.lastStatus().equals("STOPPED"),
                    Duration.ofSeconds(60),
                    "the exit recorded after the restart");
            List<TaskTransition> exiting = awaitDelivered(seen, exitingArn);
            assertOrdered(exiting);
            assertThat(exiting.getFirst().cause()).isEqualTo(TaskTransition.Cause.RESYNC);
            assertThat(exiting.getFirst().version()).isEqualTo(exitingVersionAtKill);
            assertThat(exiting)
                    .extracting(TaskTransition::to)
                    .containsExactly(
                            TaskPhase.RUNNING,
                            TaskPhase.RUNNING,
                            TaskPhase.STOPPING,
                            TaskPhase.DEPROVISIONING,
                            TaskPhase.STOPPED);
            assertThat(exiting.get(1).containers()).singleElement().satisfies(c -> {
                assertThat(c.lastStatus()).isEqualTo(dev.gantry.core.task.ContainerStatus.STOPPED);
                assertThat(c.exitCode()).contains(7);
            });
            assertThat(exiting.getLast().version()).isEqualTo(exited.version());

            ecs.stopTask(b -> b.task(longArn));
            Task stopped = TestGantry.await(
                    () -> describe(ecs, longArn),
                    t -> t.lastStatus().equals("STOPPED"),
                    Duration.ofSeconds(60),
                    "stop after the restart");
            List<TaskTransition> running = awaitDelivered(seen, longArn);
            assertOrdered(running);
            assertThat(running.getFirst().cause()).isEqualTo(TaskTransition.Cause.RESYNC);
            assertThat(running.getFirst().version()).isEqualTo(longVersionAtKill);
            assertThat(running)
                    .extracting(TaskTransition::to)
                    .containsExactly(
                            TaskPhase.RUNNING, TaskPhase.STOPPING, TaskPhase.DEPROVISIONING, TaskPhase.STOPPED);
            assertThat(running.getLast().version()).isEqualTo(stopped.version());
        }
    }

    /** Strictly increasing versions; each change starts where the previous transition ended. */
    private static void assertOrdered(List<TaskTransition> ts) {
        for (int i = 1; i < ts.size(); i++) {
            assertThat(ts.get(i).version())
                    .as("version of transition %d in %s", i, ts)
                    .isGreaterThan(ts.get(i - 1).version());
            TaskPhase previous = ts.get(i - 1).to();
            assertThat(ts.get(i).from())
                    .as("from of transition %d in %s", i, ts)
                    .contains(previous);
        }
    }

    private static List<TaskTransition> awaitDelivered(List<TaskTransition> seen, String arn) {
        return TestGantry.await(
                () -> seen.stream().filter(t -> t.taskArn().equals(arn)).toList(),
                ts -> ts.stream().anyMatch(TaskTransition::isStopped),
                Duration.ofSeconds(30),
                "STOPPED delivered to the subscriber for " + arn);
    }

    private static String run(EcsClient ecs, String family) {
        return ecs.runTask(RunTaskRequest.builder()
                        .taskDefinition(family)
                        .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets("subnet-gantry")))
                        .build())
                .tasks()
                .get(0)
                .taskArn();
    }

    private static Task awaitRunning(EcsClient ecs, String arn) {
        Task t = TestGantry.await(
                () -> describe(ecs, arn),
                x -> !x.lastStatus().matches("PROVISIONING|PENDING|ACTIVATING"),
                Duration.ofSeconds(60),
                "running");
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        return t;
    }

    private static Task describe(EcsClient ecs, String arn) {
        return ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
    }
}
