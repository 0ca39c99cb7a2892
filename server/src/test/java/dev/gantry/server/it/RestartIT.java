package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/**
 * kill -9 of the server while tasks run, then a restart on the same data dir: running tasks are re-adopted (same
 * ARNs, no duplicate containers), a task whose container exited meanwhile is recorded with its exit code, and log
 * capture resumes without losing or repeating lines.
 */
class RestartIT {

    @Test
    void killDashNineLosesNothingAndDuplicatesNothing() throws Exception {
        Path dir = Files.createTempDirectory("gantry-restart-");
        int port = ServerProcess.freePort();
        ServerProcess first = ServerProcess.start(dir, port);
        try {
            runScenario(dir, port, first);
        } finally {
            first.kill(); // no-op when the scenario already killed it
            Engine.removeInstallationOf(dir);
        }
    }

    private void runScenario(Path dir, int port, ServerProcess first) throws Exception {
        String longArn;
        String exitingArn;
        try (EcsClient ecs = TestGantry.ecsClient(first.endpoint())) {
            // the image is built by the shared in-process server's helper; make sure it exists
            TestGantry.shared();
            ecs.registerTaskDefinition(TaskDefs.fargate(
                            "counter",
                            TaskDefs.container(
                                            "count",
                                            "sh",
                                            "-c",
                                            "i=0; while true; do i=$((i+1)); echo line $i; sleep 0.2; done")
                                    .stopTimeout(2)
                                    .logConfiguration(TaskDefs.awslogs("/it/restart", "r"))
                                    .build())
                    .build());
            ecs.registerTaskDefinition(TaskDefs.fargate(
                            "later-exit",
                            TaskDefs.container("main", "sh", "-c", "sleep 6; exit 7")
                                    .build())
                    .build());
            longArn = run(ecs, "counter");
            exitingArn = run(ecs, "later-exit");
            awaitRunning(ecs, longArn);
            awaitRunning(ecs, exitingArn);
            Thread.sleep(1000);
        }
        first.kill();
        // the second task's container exits while no server runs
        String exitingId = exitingArn.substring(exitingArn.lastIndexOf('/') + 1);
        TestGantry.await(
                () -> containersOf(exitingId).stream()
                        .filter(c -> c.getNames()[0].endsWith("-main"))
                        .map(Container::getState)
                        .toList(),
                states -> states.equals(List.of("exited")),
                Duration.ofSeconds(60),
                "the later-exit container to exit while the server is down");

        try (ServerProcess second = ServerProcess.start(dir, port);
                EcsClient ecs = TestGantry.ecsClient(second.endpoint());
                CloudWatchLogsClient logs = TestGantry.logsClient(second.endpoint())) {
            Task exited = TestGantry.await(
                    () -> describe(ecs, exitingArn),
                    t -> t.lastStatus().equals("STOPPED"),
                    Duration.ofSeconds(60),
                    "exited task recorded");
            assertThat(exited.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
            assertThat(exited.containers().get(0).exitCode()).isEqualTo(7);

            Task running = describe(ecs, longArn);
            assertThat(running.lastStatus()).isEqualTo("RUNNING");
            assertThat(ecs.listTasks(b -> b.desiredStatus(DesiredStatus.RUNNING))
                            .taskArns())
                    .contains(longArn);
            String taskId = longArn.substring(longArn.lastIndexOf('/') + 1);
            assertThat(containersOf(taskId)).hasSize(2); // the sandbox and the one app container, no duplicates

            Thread.sleep(3000); // more lines after the restart
            List<Integer> numbers = lineNumbers(logs, "r/count/" + taskId);
            assertThat(numbers).isNotEmpty();
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(numbers.get(i))
                        .as("line %d of the captured stream", i)
                        .isEqualTo(i + 1);
            }
            assertThat(numbers.size()).isGreaterThan(20);
            ecs.stopTask(b -> b.task(longArn));
            TestGantry.await(
                    () -> describe(ecs, longArn),
                    t -> t.lastStatus().equals("STOPPED"),
                    Duration.ofSeconds(60),
                    "stop after restart");
            assertThat(containersOf(taskId)).isEmpty();
        }
    }

    private static List<Integer> lineNumbers(CloudWatchLogsClient logs, String stream) {
        List<Integer> out = new ArrayList<>();
        String token = null;
        while (true) {
            var page = logs.getLogEvents(GetLogEventsRequest.builder()
                    .logGroupName("/it/restart")
                    .logStreamName(stream)
                    .startFromHead(true)
                    .nextToken(token)
                    .build());
            for (OutputLogEvent e : page.events()) {
                out.add(Integer.parseInt(e.message().substring("line ".length())));
            }
            if (page.events().isEmpty() || page.nextForwardToken().equals(token)) {
                return out;
            }
            token = page.nextForwardToken();
        }
    }

    private static List<Container> containersOf(String taskId) {
        try (DockerClient docker = Engine.client()) {
            return docker.listContainersCmd()
                    .withShowAll(true)
                    .withNameFilter(List.of("gantry-" + taskId + "-"))
                    .exec();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
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

    private static void awaitRunning(EcsClient ecs, String arn) {
        Task t = TestGantry.await(
                () -> describe(ecs, arn),
                x -> !x.lastStatus().matches("PROVISIONING|PENDING|ACTIVATING"),
                Duration.ofSeconds(60),
                "running");
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
    }

    private static Task describe(EcsClient ecs, String arn) {
        return ecs.describeTasks(b -> b.tasks(arn)).tasks().get(0);
    }
}
