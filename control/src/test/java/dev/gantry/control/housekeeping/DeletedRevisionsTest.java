package dev.gantry.control.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.taskdef.TaskDefinitionStatus;
import dev.gantry.core.testing.TaskDefs;
import dev.gantry.store.ecs.ServiceStore;
import dev.gantry.store.ecs.TagStore;
import dev.gantry.store.ecs.TaskDefinitionStore;
import dev.gantry.store.ecs.TaskStore;
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

/** DeleteTaskDefinitions' deferred half, against the real SQLite stores. */
class DeletedRevisionsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Arns ARNS = new Arns("us-east-1", "000000000000");

    @TempDir
    Path dir;

    private Database db;
    private TaskDefinitionStore definitions;
    private TaskStore tasks;
    private TagStore tags;
    private DeletedRevisions purge;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db"));
        definitions = new TaskDefinitionStore(db);
        tasks = new TaskStore(db);
        tags = new TagStore(db);
        purge = new DeletedRevisions(definitions, tasks, tags, new ServiceStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private TaskDefinition register() {
        TaskDefinition td = definitions.register(
                "fam",
                rev -> TaskDefs.task()
                        .family("fam")
                        .containers(TaskDefs.container("web").image("busybox"))
                        .registered(ARNS.taskDefinition("fam", rev), rev, T0)
                        .build());
        tags.put(td.taskDefinitionArn(), List.of(new Tag("team", "a")));
        return td;
    }

    private Task run(TaskDefinition td) {
        var launch = new TaskFactory.Launch(
                "arn:cluster", "default", td, 1, "family:fam", Optional.empty(), Map.of(), List.of());
        Task t = TaskFactory.create(launch, ARNS, IdSource.random(), T0).get(0);
        tasks.insertAll(List.of(t), Optional.empty());
        return t;
    }

    private TaskDefinition markDeleting(TaskDefinition td) {
        TaskDefinition deleting = td.withStatus(TaskDefinitionStatus.DELETE_IN_PROGRESS, T0);
        definitions.update(deleting);
        return deleting;
    }

    @Test
    void anUnusedRevisionGoesAtOnceWithItsTags() {
        TaskDefinition td = markDeleting(register());
        assertThat(purge.deleteIfUnused(td)).isTrue();
        assertThat(definitions.find("fam", 1)).isEmpty();
        assertThat(tags.list(td.taskDefinitionArn())).isEmpty();
    }

    @Test
    void aRevisionARunningTaskUsesStaysUntilTheTaskStops() {
        TaskDefinition td = register();
        Task t = run(td);
        TaskDefinition deleting = markDeleting(td);
        TaskDefinition other = markDeleting(register()); // revision 2, unused

        assertThat(purge.deleteIfUnused(deleting)).isFalse();
        assertThat(purge.purge()).isEqualTo(1); // only the unused revision 2
        assertThat(definitions.find("fam", 1))
                .get()
                .extracting(TaskDefinition::status)
                .isEqualTo("DELETE_IN_PROGRESS");
        assertThat(definitions.find("fam", other.revision())).isEmpty();
        assertThat(tags.list(td.taskDefinitionArn())).isNotEmpty();

        tasks.reportObserved(t, t.observed().withPhase(TaskPhase.STOPPED));
        assertThat(purge.purge()).isEqualTo(1);
        assertThat(definitions.find("fam", 1)).isEmpty();
        assertThat(tags.list(td.taskDefinitionArn())).isEmpty();
        assertThat(tasks.find(t.taskId()))
                .get()
                .extracting(x -> x.spec().taskDefinition().taskDefinitionArn())
                .isEqualTo(td.taskDefinitionArn()); // the stopped task keeps its own copy
        assertThat(purge.purge()).isZero();
    }

    @Test
    void activeAndInactiveRevisionsAreNeverTouched() {
        TaskDefinition active = register();
        TaskDefinition inactive = register().withStatus(TaskDefinitionStatus.INACTIVE, T0);
        definitions.update(inactive);
        assertThat(purge.purge()).isZero();
        assertThat(definitions.find("fam", active.revision())).isPresent();
        assertThat(definitions.find("fam", inactive.revision())).isPresent();
    }

    @Test
    void revisionsBehindAFullPageOfInUseOnesAreReached() {
        for (int i = 0; i < DeletedRevisions.ROUND + 1; i++) {
            TaskDefinition td = register();
            run(td);
            markDeleting(td);
        }
        TaskDefinition unused = markDeleting(register());
        assertThat(purge.purge()).isEqualTo(1);
        assertThat(definitions.find("fam", unused.revision())).isEmpty();
    }
}
