package dev.gantry.control.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.logs.AwsLogsTarget;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.LogConfiguration;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.runtime.fake.ContainerScript;
import dev.gantry.runtime.fake.FakeDriver;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.LogLine;
import dev.gantry.runtime.spi.OwnedObject;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.runtime.spi.RuntimeError;
import dev.gantry.runtime.spi.Sandbox;
import dev.gantry.runtime.spi.TaskRef;
import dev.gantry.runtime.spi.TaskResources;
import dev.gantry.store.ecs.TaskStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table tests of a task's life through the supervisor and runner, with engine failures injected. */
class TaskRunnerTest {
    @TempDir
    Path dir;

    private Database db;
    private TaskStore store;
    private FakeDriver driver;
    private TaskSupervisor supervisor;

    /** awslogs groups whose streams cannot be opened at container start (deleted after the pre-flight check). */
    private final Set<String> vanishedGroups = ConcurrentHashMap.newKeySet();

    private final CapturedLogs logs = new CapturedLogs() {
        public boolean groupExists(String group) {
            return true;
        }

        public boolean openStream(AwsLogsTarget target) {
            return !vanishedGroups.contains(target.group());
        }

        public Optional<Instant> lastCaptured(String group, String stream) {
            return Optional.empty();
        }

        public void append(String group, String stream, List<LogLine> lines, boolean createGroup) {}
    };

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("g.db"));
        store = new TaskStore(db);
        driver = FakeDriver.create();
        driver.start();
        supervisor = new TaskSupervisor(
                driver,
                store,
                new TaskFeed(store),
                logs,
                InstantSource.system(),
                "us-east-1",
                Duration.ofHours(2),
                PullProgress.NONE,
                Duration.ofMillis(200),
                TaskRuntimes.ENGINE_DEFAULT);
        supervisor.start();
    }

    @AfterEach
    void stop() {
        supervisor.close();
        driver.close();
        db.close();
    }

    static ContainerDefinition container(String name, String image, boolean essential) {
        return TaskDefs.container(name)
                .image(image)
                .essential(essential)
                .stopTimeout(2)
                .build();
    }

    private Task launch(ContainerDefinition... containers) {
        TaskDefinition td = TaskDefs.task()
                .family("f")
                .registered("arn:aws:ecs:us-east-1:000000000000:task-definition/f:1", 1, Instant.EPOCH)
                .build()
                .withContainerDefinitions(List.of(containers));
        Task t = TaskFactory.create(
                        new TaskFactory.Launch(
                                "arn:cluster", "default", td, 1, "family:f", Optional.empty(), Map.of(), List.of()),
                        new Arns("us-east-1", "000000000000"),
                        IdSource.random(),
                        Instant.now())
                .get(0);
        store.insertAll(List.of(t), Optional.empty());
        supervisor.launch(List.of(t));
        return t;
    }

    private Task await(Task t, Predicate<Task> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Task now = store.find(t.taskId()).orElseThrow();
        while (!done.test(now)) {
            assertThat(System.nanoTime())
                    .as("task %s stuck in %s", t.taskId(), now.observed().phase())
                    .isLessThan(deadline);
            Thread.sleep(10);
            now = store.find(t.taskId()).orElseThrow();
        }
        return now;
    }

    private static Predicate<Task> in(TaskPhase phase) {
        return t -> t.observed().phase() == phase;
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(
                        "image cannot be pulled",
                        (Consumer<FakeDriver>) d -> d.unpullable("bad:1", "manifest unknown"),
                        "bad:1",
                        StopCode.TaskFailedToStart,
                        "CannotPullContainerError: pull image bad:1: manifest unknown"),
                Arguments.of(
                        "container cannot start",
                        (Consumer<FakeDriver>) d -> d.scriptContainer(
                                "main",
                                ContainerScript.builder()
                                        .failsToStart("exec: \"nope\": not found")
                                        .build()),
                        "ok:1",
                        StopCode.TaskFailedToStart,
                        "CannotStartContainerError: exec: \"nope\": not found"),
                Arguments.of(
                        "essential container exits",
                        (Consumer<FakeDriver>) d -> d.scriptContainer(
                                "main", ContainerScript.builder().exitsWith(3).build()),
                        "ok:1",
                        StopCode.EssentialContainerExited,
                        "Essential container in task exited"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresStopTheTaskWithEcsCodesAndReasons(
            String name, Consumer<FakeDriver> script, String image, StopCode code, String reason) throws Exception {
        script.accept(driver);
        Task t = await(launch(container("main", image, true), container("side", "ok:1", false)), in(TaskPhase.STOPPED));
        assertThat(t.desired().stopCode()).contains(code);
        assertThat(t.desired().stoppedReason()).contains(reason);
        assertThat(t.observed().containers()).allMatch(ContainerState::isStopped);
        assertThat(t.observed().stoppedAt()).isPresent();
        assertThat(driver.sandboxes()).isEmpty();
        assertThat(driver.containers()).isEmpty();
    }

    @Test
    void runsThenStopsByUser() throws Exception {
        Task t = await(launch(container("main", "ok:1", true)), in(TaskPhase.RUNNING));
        assertThat(t.observed().attachment())
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("ATTACHED"));
        assertThat(t.observed().startedAt()).isPresent();
        supervisor.requestStop(t.taskId(), StopCode.UserInitiated, "bye");
        Task stopped = await(t, in(TaskPhase.STOPPED));
        assertThat(stopped.desired().stopCode()).contains(StopCode.UserInitiated);
        assertThat(stopped.observed().container("main").flatMap(ContainerState::exitCode))
                .contains(143);
        assertThat(stopped.observed().attachment())
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("DELETED"));
        assertThat(stopped.observed().stoppingAt()).isPresent();
    }

    @Test
    void anExitInAnEarlierStopLayerIsReportedWhileTheNextLayerWaitsOutItsStopTimeout() throws Exception {
        TaskDefs.Container app =
                TaskDefs.container("app").image("ok:1").essential(true).stopTimeout(2);
        app.dependsOn = List.of(TaskDefs.dependsOn("db", "START"));
        ContainerDefinition db = container("db", "ok:1", true);
        driver.scriptContainer("db", ContainerScript.builder().ignoresSigterm().build());
        Task t = await(launch(app.build(), db), in(TaskPhase.RUNNING));
        String dbId = driver.container(t.taskId(), "db").orElseThrow().runtimeId();
        CountDownLatch dbStopping = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        driver.beforeStop(id -> {
            if (id.equals(dbId)) {
                dbStopping.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        try {
            supervisor.requestStop(t.taskId(), StopCode.UserInitiated, "bye");
            assertThat(dbStopping.await(20, TimeUnit.SECONDS))
                    .as("db (the dependency) stopped after app")
                    .isTrue();
            Task meanwhile = store.find(t.taskId()).orElseThrow();
            assertThat(meanwhile.observed().phase()).isEqualTo(TaskPhase.STOPPING);
            assertThat(meanwhile.observed().container("app").flatMap(ContainerState::exitCode))
                    .as("app's exit is in the store while db's stop is still waiting")
                    .contains(ContainerScript.TERMINATED);
            assertThat(meanwhile.observed().container("db").orElseThrow().isStopped())
                    .isFalse();
        } finally {
            release.countDown();
        }
        Task stopped = await(t, in(TaskPhase.STOPPED));
        assertThat(stopped.observed().container("db").flatMap(ContainerState::exitCode))
                .contains(ContainerScript.KILLED);
    }

    @Test
    void anImageCheckStillRunningWhenTheTaskFailsBeforePullingIsCancelled() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        driver.beforeEnsureImage(image -> {
            entered.countDown();
            try {
                never.await(30, TimeUnit.SECONDS); // a slow pull
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
        });
        driver.failNext(
                FakeDriver.Operation.CLAIM_SANDBOX,
                1,
                new RuntimeError(RuntimeError.Kind.SANDBOX_FAILED, "no sandbox", false, null));
        Task stopped = await(launch(container("main", "slow:1", true)), in(TaskPhase.STOPPED));
        assertThat(stopped.desired().stopCode()).contains(StopCode.TaskFailedToStart);
        // A check cancelled before its thread ran never pulls at all (CompletableFuture skips a cancelled
        // supplier); one that began must be interrupted rather than left running after its task.
        if (entered.await(2, TimeUnit.SECONDS)) {
            assertThat(interrupted.await(20, TimeUnit.SECONDS))
                    .as("the pull nobody will join is interrupted")
                    .isTrue();
        }
    }

    @Test
    void shutdownRetriesEngineErrorsUntilTheTaskIsStopped() throws Exception {
        driver.failNext(
                FakeDriver.Operation.REMOVE_SANDBOX,
                2,
                new RuntimeError(RuntimeError.Kind.ENGINE_UNAVAILABLE, "engine hiccup", true, null));
        Task t = await(launch(container("main", "ok:1", true)), in(TaskPhase.RUNNING));
        supervisor.requestStop(t.taskId(), StopCode.UserInitiated, "bye");
        Task stopped = await(t, in(TaskPhase.STOPPED));
        assertThat(driver.sandboxes()).isEmpty();
        assertThat(stopped.observed().phase()).isEqualTo(TaskPhase.STOPPED);
        assertThat(driver.pendingFailures(FakeDriver.Operation.REMOVE_SANDBOX))
                .as("both injected failures were met and retried")
                .isZero();
    }

    @Test
    void everyContainersRuntimeIdIsStoredBeforeAnyContainerStarts() throws Exception {
        // what the store (and so the task endpoint) holds when each container starts: its DockerId at once
        Map<String, String> storedAtStart = new ConcurrentHashMap<>();
        driver.beforeStart(runtimeId -> driver.containers().stream()
                .filter(c -> c.runtimeId().equals(runtimeId))
                .findFirst()
                .ifPresent(c -> store.find(c.taskId())
                        .ifPresent(t -> t.observed()
                                .containers()
                                .forEach(s -> storedAtStart.merge(
                                        c.name() + " starting: " + s.name(),
                                        s.runtimeId().orElse("none"),
                                        (a, b) -> a)))));
        Task t =
                await(launch(container("main", "ok:1", true), container("side", "ok:1", false)), in(TaskPhase.RUNNING));
        String main = t.observed()
                .container("main")
                .flatMap(ContainerState::runtimeId)
                .orElseThrow();
        String side = t.observed()
                .container("side")
                .flatMap(ContainerState::runtimeId)
                .orElseThrow();
        assertThat(storedAtStart)
                .containsOnly(
                        Map.entry("main starting: main", main),
                        Map.entry("main starting: side", side),
                        Map.entry("side starting: main", main),
                        Map.entry("side starting: side", side));
    }

    @Test
    void aTaskWhoseSandboxDisappearsIsStopped() throws Exception {
        Task t = await(launch(container("main", "ok:1", true)), in(TaskPhase.RUNNING));
        driver.killSandbox(t.taskId()); // killed outside Gantry: the SandboxExited event tells the runner
        Task stopped = await(t, in(TaskPhase.STOPPED));
        assertThat(stopped.desired().stopCode()).contains(StopCode.InfrastructureHealth);
        assertThat(stopped.desired().stoppedReason())
                .hasValueSatisfying(r -> assertThat(r).contains("sandbox"));
    }

    @Test
    void aSandboxGuardThatRefusesFailsTheTaskBeforeAnyContainerExists() throws Exception {
        List<String> containersWhenGuarded = new java.util.concurrent.CopyOnWriteArrayList<>();
        supervisor.guardSandboxes((task, sandbox) -> {
            driver.containers().forEach(c -> containersWhenGuarded.add(c.toString()));
            throw new SandboxGuard.Refused("security groups cannot be enforced: nsenter not found");
        });
        Task t = await(launch(container("main", "ok:1", true)), in(TaskPhase.STOPPED));
        assertThat(t.desired().stopCode()).contains(StopCode.TaskFailedToStart);
        assertThat(t.desired().stoppedReason())
                .contains("ResourceInitializationError: security groups cannot be enforced: nsenter not found");
        assertThat(containersWhenGuarded).isEmpty();
        assertThat(t.observed().container("main").flatMap(ContainerState::runtimeId))
                .isEmpty();
        assertThat(driver.sandboxes()).isEmpty();
    }

    @Test
    void aKilledSandboxStopsItsTaskOnTheEventWithoutWaitingForTheRecheck() throws Exception {
        supervisor.close();
        supervisor = new TaskSupervisor(
                driver,
                store,
                new TaskFeed(store),
                logs,
                InstantSource.system(),
                "us-east-1",
                Duration.ofHours(2),
                PullProgress.NONE,
                Duration.ofHours(1),
                TaskRuntimes.ENGINE_DEFAULT); // no re-check within the test
        supervisor.start();
        Task t = await(launch(container("main", "ok:1", true)), in(TaskPhase.RUNNING));
        driver.killSandbox(t.taskId());
        Task stopped = await(t, in(TaskPhase.STOPPED));
        assertThat(stopped.desired().stopCode()).contains(StopCode.InfrastructureHealth);
    }

    @Test
    void aReadoptedTaskRecordsAnExitThatHappenedWhileNoServerRan() throws Exception {
        Task t = await(launch(container("main", "ok:1", true)), in(TaskPhase.RUNNING));
        supervisor.close(); // the server goes away; the container keeps running
        String id = t.observed()
                .container("main")
                .flatMap(ContainerState::runtimeId)
                .orElseThrow();
        driver.exit(id, 9); // exits unseen: nobody watches, so the event is lost
        supervisor = new TaskSupervisor(
                driver, store, logs, InstantSource.system(), "us-east-1", Duration.ofHours(2), PullProgress.NONE);
        supervisor.start();
        Task stopped = await(t, in(TaskPhase.STOPPED));
        assertThat(stopped.desired().stopCode()).contains(StopCode.EssentialContainerExited);
        assertThat(stopped.observed().container("main").flatMap(ContainerState::exitCode))
                .contains(9);
    }

    @Test
    void theReaperRemovesAnUnknownTasksContainersBeforeItsSandbox() {
        // The started supervisor's housekeeping reaps too, on its own thread: a pass that listed the orphan's
        // sandbox before its container existed would remove them in the other order. Reap with one not started.
        supervisor.close();
        supervisor = new TaskSupervisor(
                driver, store, logs, InstantSource.system(), "us-east-1", Duration.ofHours(2), PullProgress.NONE);
        TaskRef orphan =
                new TaskRef("orphan", "arn:aws:ecs:us-east-1:000000000000:task/default/orphan", "default", "f", 1);
        Sandbox sandbox = driver.claimSandbox(orphan, new TaskResources(512L << 20, 250_000_000L));
        driver.ensureImage("ok:1", PullProgress.NONE);
        String app = driver.createContainer(
                sandbox,
                new ContainerSpec(
                        orphan,
                        "app",
                        "ok:1",
                        List.of(),
                        List.of(),
                        Map.of(),
                        Optional.empty(),
                        Optional.empty(),
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        false,
                        Optional.empty(),
                        Map.of(),
                        false,
                        false,
                        Duration.ofSeconds(2)));
        driver.startContainer(app);
        supervisor.reap();
        var container = new FakeDriver.Removal(OwnedObject.Kind.CONTAINER, app, "orphan");
        var sandboxRemoval = new FakeDriver.Removal(OwnedObject.Kind.SANDBOX, sandbox.runtimeId(), "orphan");
        assertThat(driver.removals()).contains(container, sandboxRemoval);
        assertThat(driver.removals().indexOf(container))
                .isLessThan(driver.removals().indexOf(sandboxRemoval));
    }

    @Test
    void aLogGroupGoneByContainerStartFailsTheTaskBeforeTheContainerRuns() throws Exception {
        vanishedGroups.add("gone");
        ContainerDefinition c = TaskDefs.container("main")
                .image("ok:1")
                .essential(true)
                .stopTimeout(2)
                .logConfiguration(
                        new LogConfiguration("awslogs", Map.of("awslogs-group", "gone", "awslogs-stream-prefix", "p")))
                .build();
        Task stopped = await(launch(c), in(TaskPhase.STOPPED));
        assertThat(stopped.desired().stopCode()).contains(StopCode.TaskFailedToStart);
        assertThat(stopped.desired().stoppedReason())
                .hasValueSatisfying(r -> assertThat(r)
                        .startsWith("ResourceInitializationError: failed to validate logger args")
                        .contains("gone"));
        assertThat(stopped.observed().container("main").flatMap(ContainerState::startedAt))
                .isEmpty();
    }
}
