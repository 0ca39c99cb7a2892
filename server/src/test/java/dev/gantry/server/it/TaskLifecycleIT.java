package dev.gantry.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.ecs.model.AwsVpcConfiguration;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.ContainerCondition;
import software.amazon.awssdk.services.ecs.model.ContainerDependency;
import software.amazon.awssdk.services.ecs.model.CreateClusterRequest;
import software.amazon.awssdk.services.ecs.model.HealthCheck;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkConfiguration;
import software.amazon.awssdk.services.ecs.model.PortMapping;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskStopCode;

/** The "done when" scenarios, end to end: AWS SDK → Gantry → Docker → real containers. */
class TaskLifecycleIT {
    private static final String CLUSTER = "lifecycle";
    private static TestGantry g;

    @BeforeAll
    static void start() {
        g = TestGantry.shared();
        g.ecs.createCluster(CreateClusterRequest.builder().clusterName(CLUSTER).build());
    }

    private static String run(String family) {
        return run(family, b -> b);
    }

    private static String run(String family, java.util.function.UnaryOperator<RunTaskRequest.Builder> extra) {
        RunTaskRequest.Builder b = RunTaskRequest.builder()
                .cluster(CLUSTER)
                .taskDefinition(family)
                .launchType(LaunchType.FARGATE)
                .networkConfiguration(NetworkConfiguration.builder()
                        .awsvpcConfiguration(AwsVpcConfiguration.builder()
                                .subnets("subnet-gantry")
                                .build())
                        .build());
        List<Task> tasks = g.ecs.runTask(extra.apply(b).build()).tasks();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).lastStatus()).isEqualTo("PROVISIONING");
        assertThat(tasks.get(0).desiredStatus()).isEqualTo("RUNNING");
        return tasks.get(0).taskArn();
    }

    @Test
    void runsServesLogsAndStopsByUser() throws Exception {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "web",
                        TaskDefs.container("web", "sh", "-c", "echo starting web; httpd -f -v -p 8080 -h /www")
                                .portMappings(PortMapping.builder()
                                        .containerPort(8080)
                                        .build())
                                .stopTimeout(2)
                                .logConfiguration(TaskDefs.awslogs("/it/web", "ecs"))
                                .build())
                .build());
        String arn = run("web");
        Task t = g.awaitStatus(CLUSTER, arn, "RUNNING");
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        assertThat(t.startedAt()).isNotNull();
        assertThat(t.pullStartedAt()).isNotNull();
        assertThat(t.pullStoppedAt()).isNotNull();
        String ip = t.attachments().get(0).details().stream()
                .filter(d -> d.name().equals("privateIPv4Address"))
                .findFirst()
                .orElseThrow()
                .value();
        assertThat(ip).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
        assertThat(t.containers().get(0).networkInterfaces().get(0).privateIpv4Address())
                .isEqualTo(ip);

        HttpResponse<String> page = TestGantry.getWhenListening("http://" + ip + ":8080/index.html");
        assertThat(page.body()).isEqualTo("hello from a gantry task\n");

        String taskId = arn.substring(arn.lastIndexOf('/') + 1);
        List<OutputLogEvent> events = TestGantry.await(
                () -> g.logs.getLogEvents(GetLogEventsRequest.builder()
                                .logGroupName("/it/web")
                                .logStreamName("ecs/web/" + taskId)
                                .startFromHead(true)
                                .build())
                        .events(),
                e -> !e.isEmpty(),
                Duration.ofSeconds(30),
                "awslogs lines");
        assertThat(events.get(0).message()).isEqualTo("starting web");
        assertThat(events.get(0).timestamp()).isPositive();

        g.ecs.stopTask(StopTaskRequest.builder()
                .cluster(CLUSTER)
                .task(arn)
                .reason("test is done")
                .build());
        Task stopped = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        assertThat(stopped.stoppedReason()).isEqualTo("test is done");
        assertThat(stopped.desiredStatus()).isEqualTo("STOPPED");
        assertThat(stopped.containers().get(0).exitCode()).isNotNull();
        assertThat(stopped.stoppingAt()).isNotNull();
        assertThat(stopped.stoppedAt()).isNotNull();
        assertThat(stopped.executionStoppedAt()).isNotNull();
        assertThat(stopped.attachments().get(0).status()).isEqualTo("DELETED");
    }

    @Test
    void essentialContainerExitStopsTheTaskWithItsExitCode() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "exits",
                        TaskDefs.container("main", "sh", "-c", "echo bye; exit 3")
                                .build(),
                        TaskDefs.container("sidecar", "sleep", "300")
                                .essential(false)
                                .stopTimeout(2)
                                .build())
                .build());
        String arn = run("exits");
        Task t = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(t.stoppedReason()).isEqualTo("Essential container in task exited");
        Container main = t.containers().stream()
                .filter(c -> c.name().equals("main"))
                .findFirst()
                .orElseThrow();
        assertThat(main.exitCode()).isEqualTo(3);
        assertThat(main.lastStatus()).isEqualTo("STOPPED");
        Container side = t.containers().stream()
                .filter(c -> c.name().equals("sidecar"))
                .findFirst()
                .orElseThrow();
        assertThat(side.lastStatus()).isEqualTo("STOPPED");
    }

    @Test
    void unpullableImageFailsToStartWithCannotPullContainerError() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "nopull",
                        TaskDefs.container("app")
                                .image("registry.gantry.invalid/nothing/here:1")
                                .build())
                .build());
        String arn = run("nopull");
        Task t = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(t.stoppedReason()).startsWith("CannotPullContainerError:");
        assertThat(t.containers().get(0).reason()).startsWith("CannotPullContainerError:");
        assertThat(t.startedAt()).isNull();
    }

    @Test
    void containerOverItsMemoryLimitIsReportedAsOutOfMemory() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "oom",
                        TaskDefs.container("hog", "sh", "-c", "x=$(head -c 80000000 /dev/zero | tr '\\0' a); echo $x")
                                .memory(16)
                                .build())
                .build());
        String arn = run("oom");
        Task t = g.awaitStatus(CLUSTER, arn, "STOPPED");
        Container hog = t.containers().get(0);
        assertThat(hog.reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        assertThat(hog.exitCode()).isEqualTo(137);
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
    }

    @Test
    void theTaskMemoryBindsAllItsContainersTogether() {
        Assumptions.assumeTrue(Engine.givesTasksACgroup(), "needs Docker with cgroupfs on cgroup v1");
        // each container holds 300 MB (dd's buffer, blocked writing to a FIFO nobody reads): within its own limit
        // (the task's 512 MiB), but two of them exceed the task's memory, as on Fargate
        String hold = "mkfifo /tmp/f; sleep 300 < /tmp/f & exec dd if=/dev/zero bs=300M count=1 of=/tmp/f";
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "two-holders",
                        TaskDefs.container("a", "sh", "-c", hold).stopTimeout(2).build(),
                        TaskDefs.container("b", "sh", "-c", hold).stopTimeout(2).build())
                .cpu("256")
                .memory("512")
                .build());
        String arn = run("two-holders");
        Task t = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.ESSENTIAL_CONTAINER_EXITED);
        assertThat(t.containers()).anySatisfy(c -> {
            assertThat(c.exitCode()).isEqualTo(137);
            assertThat(c.reason()).isEqualTo("OutOfMemoryError: Container killed due to memory usage");
        });
    }

    @Test
    void aTasksContainersLiveInTheSandboxCgroupThatCarriesTheTaskSize() {
        Assumptions.assumeTrue(Engine.givesTasksACgroup(), "needs Docker with cgroupfs on cgroup v1");
        // 4 vCPU: more than this 2-core host has; the task still runs, capped at what the host has
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "sized",
                        TaskDefs.container("main", "sleep", "300")
                                .stopTimeout(2)
                                .build())
                .cpu("4096")
                .memory("8192")
                .build());
        String arn = run("sized");
        Task t = g.awaitStatus(CLUSTER, arn, "RUNNING");
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        String taskId = arn.substring(arn.lastIndexOf('/') + 1);
        var sandbox = Engine.inspect("gantry-" + taskId + "-sandbox");
        assertThat(sandbox.getHostConfig().getMemory()).isEqualTo(8192L << 20);
        assertThat(sandbox.getHostConfig().getCpuQuota()).isEqualTo(400_000L); // 4 vCPUs per 100 ms period
        var main = Engine.inspect(t.containers().get(0).runtimeId()).getHostConfig();
        assertThat(main.getCgroupParent()).isEqualTo("/gantry/" + sandbox.getId());
        assertThat(main.getNanoCPUs()).isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors() * 1_000_000_000L);
        g.ecs.stopTask(StopTaskRequest.builder().cluster(CLUSTER).task(arn).build());
        g.awaitStatus(CLUSTER, arn, "STOPPED");
    }

    @Test
    void dependsOnHealthyWaitsForTheHealthCheckAndTaskBecomesHealthy() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "deps",
                        TaskDefs.container("db", "sh", "-c", "sleep 2; touch /tmp/ready; sleep 300")
                                .stopTimeout(2)
                                .healthCheck(HealthCheck.builder()
                                        .command("CMD-SHELL", "test -f /tmp/ready")
                                        .interval(5)
                                        .timeout(2)
                                        .retries(3)
                                        .build())
                                .build(),
                        TaskDefs.container("app", "sh", "-c", "wget -qO- http://127.0.0.1:9000/ || true; sleep 300")
                                .stopTimeout(2)
                                .environment(KeyValuePair.builder()
                                        .name("ROLE")
                                        .value("app")
                                        .build())
                                .dependsOn(ContainerDependency.builder()
                                        .containerName("db")
                                        .condition(ContainerCondition.HEALTHY)
                                        .build())
                                .build())
                .build());
        String arn = run("deps");
        Task t = g.awaitStatus(CLUSTER, arn, "RUNNING");
        assertThat(t.lastStatus()).isEqualTo("RUNNING");
        Task healthy =
                g.awaitTask(CLUSTER, arn, x -> "HEALTHY".equals(x.healthStatusAsString()), Duration.ofSeconds(60));
        assertThat(healthy.containers())
                .allSatisfy(c -> assertThat(c.lastStatus()).isEqualTo("RUNNING"));
        g.ecs.stopTask(StopTaskRequest.builder().cluster(CLUSTER).task(arn).build());
        Task stopped = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(stopped.stoppedReason()).isEqualTo("Task stopped by user");
    }

    @Test
    void containerSettingsAndLimitsReachTheEngine() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "settings",
                        TaskDefs.container("main")
                                .entryPoint("sh", "-c")
                                .command("id -u; pwd; ulimit -n; touch /probe 2>/dev/null || echo read-only; sleep 300")
                                .user("1000")
                                .workingDirectory("/tmp")
                                .readonlyRootFilesystem(true)
                                .stopTimeout(2)
                                .ulimits(u -> u.name("nofile").softLimit(512).hardLimit(1024))
                                .logConfiguration(TaskDefs.awslogs("/it/settings", "s"))
                                .build())
                .cpu("512")
                .memory("1024")
                .build());
        String arn = run("settings");
        Task t = g.awaitStatus(CLUSTER, arn, "RUNNING");
        String taskId = arn.substring(arn.lastIndexOf('/') + 1);
        // as with Docker's awslogs driver, the stream exists once the container has started, before any line
        assertThat(g.logs.describeLogStreams(DescribeLogStreamsRequest.builder()
                                .logGroupName("/it/settings")
                                .logStreamNamePrefix("s/main/")
                                .build())
                        .logStreams())
                .extracting(LogStream::logStreamName)
                .contains("s/main/" + taskId);
        List<OutputLogEvent> events = TestGantry.await(
                () -> g.logs.getLogEvents(GetLogEventsRequest.builder()
                                .logGroupName("/it/settings")
                                .logStreamName("s/main/" + taskId)
                                .startFromHead(true)
                                .build())
                        .events(),
                e -> e.size() >= 4,
                Duration.ofSeconds(30),
                "settings output");
        assertThat(events).extracting(OutputLogEvent::message).containsExactly("1000", "/tmp", "512", "read-only");

        var hostConfig = Engine.inspect(t.containers().get(0).runtimeId()).getHostConfig();
        assertThat(hostConfig.getNanoCPUs()).isEqualTo(500_000_000L); // task cpu 512 units = 0.5 vCPU
        assertThat(hostConfig.getMemory()).isEqualTo(1024L * 1024 * 1024); // task memory, no container memory
        assertThat(hostConfig.getMemorySwap()).isEqualTo(hostConfig.getMemory()); // no swap beyond the limit
        assertThat(hostConfig.getNetworkMode()).startsWith("container:"); // the task sandbox's namespace
        g.ecs.stopTask(StopTaskRequest.builder().cluster(CLUSTER).task(arn).build());
        g.awaitStatus(CLUSTER, arn, "STOPPED");
    }

    @Test
    void aDeletedRevisionInUseGoesOnceItsTaskStops() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "in-use",
                        TaskDefs.container("main", "sleep", "300")
                                .stopTimeout(2)
                                .build())
                .build());
        String arn = run("in-use");
        g.awaitStatus(CLUSTER, arn, "RUNNING");
        g.ecs.deregisterTaskDefinition(b -> b.taskDefinition("in-use:1"));
        assertThat(g.ecs.deleteTaskDefinitions(b -> b.taskDefinitions("in-use:1"))
                        .taskDefinitions())
                .singleElement()
                .satisfies(td -> assertThat(td.statusAsString()).isEqualTo("DELETE_IN_PROGRESS"));
        assertThat(g.ecs.describeTaskDefinition(b -> b.taskDefinition("in-use:1"))
                        .taskDefinition()
                        .statusAsString())
                .isEqualTo("DELETE_IN_PROGRESS"); // a task still runs from it

        g.ecs.stopTask(StopTaskRequest.builder().cluster(CLUSTER).task(arn).build());
        Task stopped = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(stopped.taskDefinitionArn()).endsWith(":task-definition/in-use:1");
        TestGantry.await(
                () -> {
                    try {
                        g.ecs.describeTaskDefinition(b -> b.taskDefinition("in-use:1"));
                        return false;
                    } catch (ClientException gone) {
                        return true;
                    }
                },
                goneNow -> goneNow,
                Duration.ofSeconds(30),
                "revision in-use:1 to be purged");
        assertThat(g.describe(CLUSTER, arn).lastStatus()).isEqualTo("STOPPED"); // the task stays describable
    }

    @Test
    void stopWhilePendingStartsNothingMore() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "never-healthy",
                        TaskDefs.container("db", "sleep", "300")
                                .stopTimeout(2)
                                .healthCheck(HealthCheck.builder()
                                        .command("CMD-SHELL", "exit 1")
                                        .interval(5)
                                        .timeout(2)
                                        .retries(1)
                                        .build())
                                .build(),
                        TaskDefs.container("app", "sh", "-c", "echo app started; sleep 300")
                                .stopTimeout(2)
                                .logConfiguration(TaskDefs.awslogs("/it/pending", "p"))
                                .dependsOn(ContainerDependency.builder()
                                        .containerName("db")
                                        .condition(ContainerCondition.HEALTHY)
                                        .build())
                                .build())
                .build());
        String arn = run("never-healthy");
        g.awaitTask(
                CLUSTER,
                arn,
                t -> t.containers().stream()
                        .anyMatch(c -> c.name().equals("db") && c.lastStatus().equals("RUNNING")),
                Duration.ofSeconds(60));
        assertThat(g.describe(CLUSTER, arn).lastStatus()).isEqualTo("PENDING");
        g.ecs.stopTask(StopTaskRequest.builder().cluster(CLUSTER).task(arn).build());
        Task stopped = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(stopped.stopCode()).isEqualTo(TaskStopCode.USER_INITIATED);
        Container app = stopped.containers().stream()
                .filter(c -> c.name().equals("app"))
                .findFirst()
                .orElseThrow();
        assertThat(app.exitCode()).as("app was never started").isNull();
        assertThat(stopped.startedAt()).isNull();
    }

    @Test
    void dependencyStartTimeoutFailsTheTask() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "slow-dep",
                        TaskDefs.container("db", "sleep", "300")
                                .stopTimeout(2)
                                .startTimeout(3)
                                .healthCheck(HealthCheck.builder()
                                        .command("CMD-SHELL", "exit 1")
                                        .interval(5)
                                        .timeout(2)
                                        .retries(1)
                                        .build())
                                .build(),
                        TaskDefs.container("app", "sleep", "300")
                                .dependsOn(ContainerDependency.builder()
                                        .containerName("db")
                                        .condition(ContainerCondition.HEALTHY)
                                        .build())
                                .build())
                .build());
        String arn = run("slow-dep");
        Task t = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(t.stopCode()).isEqualTo(TaskStopCode.TASK_FAILED_TO_START);
        assertThat(t.stoppedReason()).startsWith("DependencyTimeoutError:").contains("startTimeout of 3s");
    }

    @Test
    void overridesReplaceCommandAndEnvironment() {
        g.ecs.registerTaskDefinition(TaskDefs.fargate(
                        "echo",
                        TaskDefs.container("main", "sh", "-c", "echo original")
                                .logConfiguration(TaskDefs.awslogs("/it/echo", "x"))
                                .build())
                .build());
        String arn = run(
                "echo",
                b -> b.overrides(o -> o.containerOverrides(c -> c.name("main")
                        .command("sh", "-c", "echo value=$GREETING")
                        .environment(KeyValuePair.builder()
                                .name("GREETING")
                                .value("hi")
                                .build()))));
        Task t = g.awaitStatus(CLUSTER, arn, "STOPPED");
        assertThat(t.containers().get(0).exitCode()).isZero();
        String taskId = arn.substring(arn.lastIndexOf('/') + 1);
        List<OutputLogEvent> events = TestGantry.await(
                () -> g.logs.getLogEvents(GetLogEventsRequest.builder()
                                .logGroupName("/it/echo")
                                .logStreamName("x/main/" + taskId)
                                .startFromHead(true)
                                .build())
                        .events(),
                e -> !e.isEmpty(),
                Duration.ofSeconds(30),
                "override output");
        assertThat(events).extracting(OutputLogEvent::message).containsExactly("value=hi");
        assertThat(t.overrides().containerOverrides().get(0).name()).isEqualTo("main");
        assertThat(Map.of("k", t.group())).containsEntry("k", "family:echo");
    }
}
