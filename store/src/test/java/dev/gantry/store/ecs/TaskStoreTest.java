package dev.gantry.store.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");

    @TempDir
    Path dir;

    private Database db;
    private TaskStore store;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db"));
        store = new TaskStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Task newTask() {
        TaskDefinition td = TaskDefs.task()
                .family("fam")
                .containers(TaskDefs.container("web").image("busybox"))
                .registered("arn:td", 1, T0)
                .build();
        var launch = new TaskFactory.Launch(
                "arn:cluster", "default", td, 1, "family:fam", Optional.of("me"), Map.of(), List.of());
        return TaskFactory.create(launch, new Arns("us-east-1", "000000000000"), IdSource.random(), T0)
                .get(0);
    }

    @Test
    void roundTripsATaskWithNanosecondTimes() {
        Task t = newTask();
        store.insertAll(List.of(t), Optional.empty());
        Task read = store.find(t.taskId()).orElseThrow();
        assertThat(read).isEqualTo(t);
        assertThat(read.spec().createdAt()).isEqualTo(T0);
    }

    @Test
    void stopDecisionIsTakenOnceAndObservedWritesDoNotUndoIt() {
        Task t = newTask();
        store.insertAll(List.of(t), Optional.empty());
        store.requestStop(t.taskId(), StopCode.EssentialContainerExited, "first", T0);
        Task after = store.requestStop(t.taskId(), StopCode.UserInitiated, "second", T0)
                .orElseThrow();
        assertThat(after.desired().stopCode()).contains(StopCode.EssentialContainerExited);
        assertThat(after.desired().stoppedReason()).contains("first");

        Task reported = store.reportObserved(
                t, after.observed().withPhase(TaskPhase.STOPPING).withContainer("web", s -> s.running(T0)));
        assertThat(reported.desired().status()).isEqualTo(DesiredStatus.STOPPED);
        assertThat(reported.observed().phase()).isEqualTo(TaskPhase.STOPPING);
        assertThat(reported.version()).isEqualTo(t.version() + 2);
        assertThat(store.find(t.taskId())).contains(reported);
    }

    @Test
    void listsUnfinishedAndForgetsStoppedAfterRetention() {
        Task a = newTask();
        Task b = newTask();
        store.insertAll(List.of(a, b), Optional.of("token-1"));
        assertThat(store.findByClientToken("default", "token-1")).hasSize(2);
        store.reportObserved(a, a.observed().withStoppedAt(T0).withPhase(TaskPhase.STOPPED));
        assertThat(store.unfinished()).extracting(Task::taskId).containsExactly(b.taskId());
        assertThat(store.deleteStoppedBefore(T0.plusSeconds(1))).containsExactly(a.taskId());
        assertThat(store.find(a.taskId())).isEmpty();
    }
}
