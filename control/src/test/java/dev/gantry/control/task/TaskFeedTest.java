package dev.gantry.control.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.feed.ContainerChange;
import dev.gantry.control.feed.Subscription;
import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.feed.TaskTransition;
import dev.gantry.control.launch.LaunchRequest;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.runtime.fake.FakeDriver;
import dev.gantry.runtime.spi.PullProgress;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskStore;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task-change feed with the fake driver: a subscriber sees every committed transition of a task in order
 * (RunTask through TaskLauncher to STOPPED), a RESYNC and the changes after it when a restarted supervisor
 * re-adopts the task, a snapshot on subscribing, and a subscriber that falls behind never blocks a runner and
 * ends up at the stored state.
 */
class TaskFeedTest {
    private static final Arns ARNS = new Arns("us-east-1", "000000000000");
    private static final dev.gantry.core.run.NetworkConfiguration NET = new dev.gantry.core.run.NetworkConfiguration(
            new dev.gantry.core.run.AwsVpcConfiguration(List.of("subnet-gantry"), null, null));
    private static final Cluster CLUSTER =
            new Cluster(ARNS.cluster("default"), "default", "ACTIVE", List.of(), List.of(), Instant.EPOCH);

    @TempDir
    Path dir;

    private Database db;
    private TaskStore store;
    private FakeDriver driver;
    private TaskFeed feed;
    private TaskSupervisor supervisor;
    private TaskLauncher launcher;

    @BeforeEach
    void start() {
        db = Database.open(dir.resolve("g.db"));
        store = new TaskStore(db);
        driver = FakeDriver.create();
        driver.start();
        startSupervisor(List.of());
    }

    /** A supervisor with a fresh feed; {@code early} subscribe before it starts (and so before re-adoption). */
    private List<TaskTransition> startSupervisor(List<String> early) {
        feed = new TaskFeed(store);
        List<TaskTransition> seen = new CopyOnWriteArrayList<>();
        early.forEach(name -> feed.subscribe(name, seen::add));
        supervisor = new TaskSupervisor(
                driver,
                store,
                feed,
                CapturedLogs.DISCARD,
                InstantSource.system(),
                "us-east-1",
                Duration.ofHours(2),
                PullProgress.NONE,
                Duration.ofMillis(200),
                TaskRuntimes.ENGINE_DEFAULT);
        supervisor.start();
        launcher = new TaskLauncher(
                store,
                new TagStore(db),
                supervisor,
                ARNS,
                IdSource.random(),
                InstantSource.system(),
                new dev.gantry.control.launch.TaskPlacement(
                        dev.gantry.control.network.FixedNetworkDirectory.defaultVpc("gantry", "172.30.0.0/16")));
        return seen;
    }

    @AfterEach
    void stop() {
        feed.close();
        supervisor.close();
        driver.close();
        db.close();
    }

    private static TaskDefinition definition(String status) {
        return new TaskDefinition(
                "arn:aws:ecs:us-east-1:000000000000:task-definition/f:1",
                "f",
                1,
                List.of(TaskRunnerTest.container("main", "ok:1", true)),
                null,
                null,
                "awsvpc",
                null,
                null,
                "256",
                "512",
                status,
                null,
                null,
                null,
                null,
                null,
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                null);
    }

    private Task run() {
        RunTaskRequest req = new RunTaskRequest(
                null, "f", null, null, null, NET, null, null, null, null, null, null, null, null, null, null);
        return launcher.launch(new LaunchRequest(CLUSTER, definition("ACTIVE"), req, Map.of()))
                .get(0);
    }

    private Task await(Task t, Predicate<Task> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Task now = store.find(t.taskId()).orElseThrow();
        while (!done.test(now)) {
            assertThat(System.nanoTime())
                    .as("task stuck in %s", now.observed().phase())
                    .isLessThan(deadline);
            Thread.sleep(10);
            now = store.find(t.taskId()).orElseThrow();
        }
        return now;
    }

    private static List<TaskTransition> awaitStopped(List<TaskTransition> seen, Task t) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (of(seen, t).stream().noneMatch(TaskTransition::isStopped)) {
            assertThat(System.nanoTime())
                    .as("STOPPED delivered; seen %s", of(seen, t))
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
        return of(seen, t);
    }

    private static List<TaskTransition> of(List<TaskTransition> seen, Task t) {
        return seen.stream().filter(x -> x.taskId().equals(t.taskId())).toList();
    }

    private static Predicate<Task> in(TaskPhase phase) {
        return t -> t.observed().phase() == phase;
    }

    /** Per task: strictly increasing versions, phases that only move forward. */
    private static void assertOrdered(List<TaskTransition> ts) {
        for (int i = 1; i < ts.size(); i++) {
            assertThat(ts.get(i).version())
                    .as("version of transition %d in %s", i, ts)
                    .isGreaterThan(ts.get(i - 1).version());
            assertThat(ts.get(i).to())
                    .as("phase of transition %d", i)
                    .isGreaterThanOrEqualTo(ts.get(i - 1).to());
            TaskPhase previous = ts.get(i - 1).to();
            ts.get(i).from().ifPresent(from -> assertThat(from).isEqualTo(previous));
        }
    }

    @Test
    void theLauncherDefaultsTheGroupWritesTagsWithTheTaskAndHonoursClientTokens() {
        RunTaskRequest req = new RunTaskRequest(
                null,
                "f",
                2,
                null,
                null,
                NET,
                null,
                "me",
                null,
                List.of(new dev.gantry.core.tag.Tag("team", "a")),
                null,
                true,
                null,
                null,
                "tok-1",
                null);
        List<Task> first = launcher.launch(new LaunchRequest(CLUSTER, definition("ACTIVE"), req, Map.of()));
        // (that tasks and tags are one transaction is TaskWritePathTest's: here the runners write at once too)
        assertThat(first)
                .hasSize(2)
                .allSatisfy(t -> assertThat(t.spec().group()).isEqualTo("family:f"));
        assertThat(new TagStore(db).list(first.get(0).taskArn()))
                .extracting(dev.gantry.core.tag.Tag::key)
                .containsExactly("aws:ecs:clusterName", "team");

        List<Task> retried = launcher.launch(new LaunchRequest(CLUSTER, definition("ACTIVE"), req, Map.of()));
        assertThat(retried)
                .extracting(Task::taskId)
                .isEqualTo(first.stream().map(Task::taskId).toList());
        RunTaskRequest other = new RunTaskRequest(
                null, "f", 1, null, null, NET, null, "me", null, null, null, null, null, null, "tok-1", null);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                dev.gantry.core.error.ApiException.class,
                                () -> launcher.launch(
                                        new LaunchRequest(CLUSTER, definition("ACTIVE"), other, Map.of())))
                        .code())
                .isEqualTo(dev.gantry.core.error.ErrorCode.CONFLICT);
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                dev.gantry.core.error.ApiException.class,
                                () -> launcher.launch(
                                        new LaunchRequest(CLUSTER, definition("INACTIVE"), other, Map.of())))
                        .getMessage())
                .startsWith("TaskDefinition is inactive");
    }

    @Test
    void aSubscriberSeesEveryCommittedTransitionOfATaskInOrder() throws Exception {
        List<TaskTransition> seen = new CopyOnWriteArrayList<>();
        feed.subscribe("test", seen::add);
        Task t = await(run(), in(TaskPhase.RUNNING));
        launcher.stop(t, StopCode.UserInitiated, "bye");
        Task stopped = await(t, in(TaskPhase.STOPPED));

        List<TaskTransition> ts = awaitStopped(seen, t);
        assertOrdered(ts);
        assertThat(ts)
                .extracting(TaskTransition::to)
                .containsExactly(
                        TaskPhase.CLAIMING_SANDBOX,
                        TaskPhase.PULLING,
                        TaskPhase.STARTING, // containers created, their ids committed before they start
                        TaskPhase.RUNNING,
                        TaskPhase.STOPPING,
                        TaskPhase.DEPROVISIONING,
                        TaskPhase.STOPPED);
        assertThat(ts).allMatch(x -> x.cause() == TaskTransition.Cause.CHANGED);
        assertThat(ts.get(0).from()).isEmpty();
        assertThat(ts.get(3).containers())
                .extracting(ContainerChange::lastStatus)
                .containsExactly(dev.gantry.core.task.ContainerStatus.RUNNING);
        assertThat(ts.get(5).containers()).singleElement().satisfies(c -> {
            assertThat(c.lastStatus()).isEqualTo(dev.gantry.core.task.ContainerStatus.STOPPED);
            assertThat(c.exitCode()).contains(143);
        });
        assertThat(ts.getLast().version()).isEqualTo(stopped.version());
    }

    @Test
    void aRestartedSupervisorPublishesAResyncThenTheChangesAfterIt() throws Exception {
        List<TaskTransition> before = new CopyOnWriteArrayList<>();
        feed.subscribe("first", before::add);
        Task t = await(run(), in(TaskPhase.RUNNING));
        supervisor.close(); // the server goes away; the container keeps running, then exits unseen
        feed.close();
        String id = t.observed()
                .container("main")
                .flatMap(ContainerState::runtimeId)
                .orElseThrow();
        driver.exit(id, 9); // nobody watches: the event is lost

        List<TaskTransition> after = startSupervisor(List.of("second"));
        Task stopped = await(t, in(TaskPhase.STOPPED));
        List<TaskTransition> ts = awaitStopped(after, t);

        assertOrdered(ts);
        assertThat(ts.getFirst().cause()).isEqualTo(TaskTransition.Cause.RESYNC);
        assertThat(ts.getFirst().to()).isEqualTo(TaskPhase.RUNNING);
        assertThat(ts.getFirst().version()).isEqualTo(of(before, t).getLast().version());
        assertThat(ts)
                .extracting(TaskTransition::to)
                .containsExactly(
                        TaskPhase.RUNNING,
                        TaskPhase.RUNNING,
                        TaskPhase.STOPPING,
                        TaskPhase.DEPROVISIONING,
                        TaskPhase.STOPPED);
        assertThat(ts.get(1).containers())
                .singleElement()
                .satisfies(c -> assertThat(c.exitCode()).contains(9));
        assertThat(ts.getLast().version()).isEqualTo(stopped.version());
    }

    @Test
    void aNewSubscriberCanStartFromASnapshotOfTheStore() throws Exception {
        Task t = await(run(), in(TaskPhase.RUNNING));
        List<TaskTransition> seen = new CopyOnWriteArrayList<>();
        feed.subscribe("late", 16, true, seen::add);
        launcher.stop(t, StopCode.UserInitiated, "bye");
        List<TaskTransition> ts = awaitStopped(seen, t);
        assertOrdered(ts);
        assertThat(ts.getFirst().cause()).isEqualTo(TaskTransition.Cause.SNAPSHOT);
        assertThat(ts.getFirst().to()).isEqualTo(TaskPhase.RUNNING);
        assertThat(ts).extracting(TaskTransition::to).endsWith(TaskPhase.STOPPED);
    }

    @Test
    void aSlowSubscriberNeverBlocksARunnerAndIsResyncedFromTheStore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<TaskTransition> seen = new CopyOnWriteArrayList<>();
        Subscription slow = feed.subscribe("slow", 1, false, x -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(x);
        });
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(run());
        }
        for (Task t : tasks) { // the subscriber is stuck on its first transition: the runners go on regardless
            launcher.stop(await(t, in(TaskPhase.RUNNING)), StopCode.UserInitiated, "bye");
        }
        List<Task> stopped = new ArrayList<>();
        for (Task t : tasks) {
            stopped.add(await(t, in(TaskPhase.STOPPED)));
        }
        assertThat(slow.dropped()).isPositive();

        release.countDown();
        for (Task t : stopped) {
            List<TaskTransition> ts = awaitStopped(seen, t);
            assertOrdered(ts);
            assertThat(ts.getLast().version()).isEqualTo(t.version());
        }
        assertThat(seen).anyMatch(x -> x.cause() == TaskTransition.Cause.SNAPSHOT);
    }
}
