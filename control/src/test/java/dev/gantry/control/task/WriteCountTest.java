package dev.gantry.control.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.launch.LaunchRequest;
import dev.gantry.control.launch.TaskLauncher;
import dev.gantry.control.logs.CapturedLogs;
import dev.gantry.core.arn.Arns;
import dev.gantry.core.cluster.Cluster;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.run.AwsVpcConfiguration;
import dev.gantry.core.run.NetworkConfiguration;
import dev.gantry.core.run.RunTaskRequest;
import dev.gantry.core.tag.Tag;
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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write transactions per task lifecycle, counted by the database (fake driver, one container, with tags).
 * Before the lean write path (main at c5f9114, the same counter and scenario): 17 for RunTask → RUNNING →
 * StopTask → STOPPED (10 of them up to RUNNING) and 7 from an essential container's exit to STOPPED; now 8
 * (4 up to RUNNING: the containers' runtime ids are committed before any starts, for the task endpoint) and 4.
 */
class WriteCountTest {
    private static final Arns ARNS = new Arns("us-east-1", "000000000000");
    private static final Cluster CLUSTER =
            new Cluster(ARNS.cluster("default"), "default", "ACTIVE", List.of(), List.of(), Instant.EPOCH);

    @TempDir
    Path dir;

    private Database db;
    private TaskStore store;
    private FakeDriver driver;
    private TaskSupervisor supervisor;
    private TaskLauncher launcher;

    @BeforeEach
    void start() throws InterruptedException {
        db = Database.open(dir.resolve("g.db"));
        store = new TaskStore(db);
        driver = FakeDriver.create();
        driver.start();
        supervisor = new TaskSupervisor(
                driver,
                store,
                new TaskFeed(store),
                CapturedLogs.DISCARD,
                InstantSource.system(),
                "us-east-1",
                Duration.ofHours(2),
                PullProgress.NONE,
                Duration.ofHours(1),
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
        awaitFirstHousekeeping();
    }

    /** Opening wrote once (migrations); the supervisor's first housekeeping pass writes once at start. */
    private void awaitFirstHousekeeping() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (db.stats().writes() < 2) {
            assertThat(System.nanoTime()).as("first housekeeping pass").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @AfterEach
    void stop() {
        supervisor.close();
        driver.close();
        db.close();
    }

    private Task launch() {
        TaskDefinition td = new TaskDefinition(
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
                "ACTIVE",
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
        RunTaskRequest req = new RunTaskRequest(
                null,
                "f",
                null,
                null,
                null,
                new NetworkConfiguration(new AwsVpcConfiguration(List.of("subnet-gantry"), null, null)),
                null,
                null,
                null,
                List.of(new Tag("team", "a")),
                null,
                null,
                null,
                null,
                null,
                null);
        return launcher.launch(new LaunchRequest(CLUSTER, td, req, Map.of())).get(0);
    }

    private Task await(Task t, Predicate<Task> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Task now = store.find(t.taskId()).orElseThrow();
        while (!done.test(now)) {
            assertThat(System.nanoTime())
                    .as("task stuck in %s", now.observed().phase())
                    .isLessThan(deadline);
            Thread.sleep(5);
            now = store.find(t.taskId()).orElseThrow();
        }
        return now;
    }

    private static Predicate<Task> in(TaskPhase phase) {
        return t -> t.observed().phase() == phase;
    }

    @Test
    void aLifecycleCostsEightWriteTransactions() throws Exception {
        long before = db.stats().writes();
        Task t = await(launch(), in(TaskPhase.RUNNING));
        long started = db.stats().writes() - before;
        launcher.stop(t, StopCode.UserInitiated, "bye");
        await(t, in(TaskPhase.STOPPED));
        long total = db.stats().writes() - before;
        assertThat(started)
                .as("RunTask -> RUNNING: insert with tags, PULLING, STARTING (containers created), RUNNING")
                .isEqualTo(4);
        assertThat(total).as("+ StopTask, STOPPING, DEPROVISIONING, STOPPED").isEqualTo(8);
    }

    @Test
    void anEssentialContainerExitCostsFourWriteTransactions() throws Exception {
        Task t = await(launch(), in(TaskPhase.RUNNING));
        long before = db.stats().writes();
        driver.exit(t.observed().container("main").flatMap(c -> c.runtimeId()).orElseThrow(), 3);
        await(t, in(TaskPhase.STOPPED));
        assertThat(db.stats().writes() - before)
                .as("exit + stop decision, STOPPING, DEPROVISIONING, STOPPED")
                .isEqualTo(4);
    }
}
