package dev.gantry.store.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.core.arn.Arns;
import dev.gantry.core.id.IdSource;
import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskFactory;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.store.sqlite.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lean write path: a report writes only the observed columns it changes, in one transaction with no read-back
 * (unless a stop decision moved the version meanwhile); RunTask writes tasks and tags in one transaction; the
 * read paths of DescribeTasks, ListTasks and RunTask's clientToken are index-backed.
 */
class TaskWritePathTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

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

    private Task newTask(List<Tag> tags) {
        ContainerDefinition c = new ContainerDefinition(
                "web", "busybox", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        TaskDefinition td = new TaskDefinition(
                "arn:td",
                "fam",
                1,
                List.of(c),
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
                T0,
                null,
                null,
                null,
                null,
                null);
        var launch =
                new TaskFactory.Launch("arn:cluster", "default", td, 1, "family:fam", Optional.empty(), Map.of(), tags);
        return TaskFactory.create(launch, new Arns("us-east-1", "000000000000"), IdSource.random(), T0)
                .get(0);
    }

    /** Records, through SQLite triggers, which columns each UPDATE of the tasks table named in its SET. */
    private void recordColumnWrites() {
        db.write(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE written (col TEXT)");
                for (String col : List.of("phase", "stopped_at", "health", "containers", "observed", "desired")) {
                    s.execute("CREATE TEMP TRIGGER w_" + col + " AFTER UPDATE OF " + col + " ON tasks "
                            + "BEGIN INSERT INTO written VALUES ('" + col + "'); END");
                }
            }
            return null;
        });
    }

    private List<String> columnsWritten() {
        return db.write(c -> {
            List<String> cols = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT col FROM written")) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM written");
            }
            return cols;
        });
    }

    @Test
    void aReportWritesOnlyTheColumnsItChangesInOneTransaction() {
        Task t = newTask(List.of());
        store.insertAll(List.of(t), Optional.empty());
        recordColumnWrites();
        columnsWritten();

        long before = db.stats().writes();
        Task pulling = store.reportObserved(t, t.observed().withPhase(TaskPhase.PULLING));
        assertThat(db.stats().writes() - before).isEqualTo(1);
        assertThat(columnsWritten()).containsExactly("phase");

        Task healthy = store.reportObserved(
                pulling,
                pulling.observed()
                        .withContainer("web", s -> s.withHealth(HealthStatus.HEALTHY))
                        .withHealth(HealthStatus.HEALTHY));
        assertThat(columnsWritten()).containsExactlyInAnyOrder("health", "containers");

        Task stopped = store.reportObserved(
                healthy, healthy.observed().withStoppedAt(T0).withPhase(TaskPhase.STOPPED));
        assertThat(columnsWritten()).containsExactlyInAnyOrder("phase", "stopped_at", "observed");
        assertThat(store.find(t.taskId())).contains(stopped);
        assertThat(stopped.version()).isEqualTo(t.version() + 3);

        long unchanged = db.stats().writes();
        assertThat(store.reportObserved(stopped, stopped.observed())).isSameAs(stopped);
        assertThat(db.stats().writes())
                .as("a report that changes nothing writes nothing")
                .isEqualTo(unchanged);
    }

    @Test
    void aReportAfterAStopDecisionKeepsTheDecisionAndTheRightVersion() {
        Task t = newTask(List.of());
        store.insertAll(List.of(t), Optional.empty());
        store.requestStop(t.taskId(), StopCode.UserInitiated, "bye", T0); // the runner has not seen it
        Task reported = store.reportObserved(t, t.observed().withPhase(TaskPhase.PULLING));
        assertThat(reported.desired().status()).isEqualTo(DesiredStatus.STOPPED);
        assertThat(store.find(t.taskId())).contains(reported);
    }

    @Test
    void anExitAndItsStopDecisionAreOneTransactionAndTheFirstDecisionWins() {
        Task t = newTask(List.of());
        store.insertAll(List.of(t), Optional.empty());
        long before = db.stats().writes();
        Task exited = store.reportObservedAndRequestStop(
                t,
                t.observed()
                        .withContainer("web", s -> s.stopped(Optional.of(3), Optional.empty(), T0))
                        .withExecutionStoppedAt(T0),
                StopCode.EssentialContainerExited,
                "Essential container in task exited",
                T0);
        assertThat(db.stats().writes() - before).isEqualTo(1);
        assertThat(exited.desired().stopCode()).contains(StopCode.EssentialContainerExited);
        assertThat(store.find(t.taskId())).contains(exited);

        Task u = newTask(List.of());
        store.insertAll(List.of(u), Optional.empty());
        store.requestStop(u.taskId(), StopCode.UserInitiated, "first", T0);
        Task late = store.reportObservedAndRequestStop(
                u, u.observed().withPhase(TaskPhase.STOPPING), StopCode.EssentialContainerExited, "second", T0);
        assertThat(late.desired().stoppedReason()).contains("first");
        assertThat(store.find(u.taskId())).contains(late);
    }

    @Test
    void tasksAndTagsAreOneTransactionAndAClientTokenStartsTasksOnce() {
        Task t = newTask(List.of(new Tag("team", "a")));
        long before = db.stats().writes();
        TaskInsert first = store.insertAll(List.of(t), Optional.of("tok"));
        assertThat(db.stats().writes() - before).isEqualTo(1);
        assertThat(first).isInstanceOf(TaskInsert.Inserted.class);
        assertThat(new TagStore(db).list(t.taskArn())).containsExactly(new Tag("team", "a"));

        TaskInsert retry = store.insertAll(List.of(newTask(List.of())), Optional.of("tok"));
        assertThat(retry).isInstanceOf(TaskInsert.TokenAlreadyUsed.class);
        assertThat(retry.tasks()).extracting(Task::taskId).containsExactly(t.taskId());
        assertThat(store.list(
                                new TaskQuery(
                                        "default", Optional.empty(), Optional.empty(), "RUNNING", Optional.empty()),
                                0,
                                100)
                        .items())
                .hasSize(1);
    }

    @Test
    void describeListAndClientTokenLookUpsAreIndexBacked() {
        store.insertAll(List.of(newTask(List.of()), newTask(List.of())), Optional.empty());
        assertThat(plan("SELECT * FROM tasks WHERE task_id = ?", "x"))
                .contains("USING INDEX sqlite_autoindex_tasks_1 (task_id=?)");
        String list = plan(
                "SELECT * FROM tasks WHERE cluster_name = ? AND desired_status = ? "
                        + "ORDER BY created_at, task_id LIMIT ? OFFSET ?",
                "default",
                "RUNNING",
                101,
                0);
        assertThat(list)
                .contains("USING INDEX tasks_by_cluster (cluster_name=? AND desired_status=?)")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan(
                        "SELECT * FROM tasks WHERE cluster_name = ? AND desired_status = ? AND family = ? "
                                + "ORDER BY created_at, task_id LIMIT ? OFFSET ?",
                        "default",
                        "RUNNING",
                        "fam",
                        101,
                        0))
                .contains("USING INDEX tasks_by_cluster")
                .doesNotContain("TEMP B-TREE");
        assertThat(plan(
                        "SELECT * FROM tasks WHERE cluster_name = ? AND client_token = ? ORDER BY rowid",
                        "default",
                        "tok"))
                .contains("USING INDEX tasks_by_client_token")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void migrationV3SplitsAnObservedDocumentWrittenBeforeIt() throws Exception {
        Task fresh = newTask(List.of());
        Task t = new Task(
                fresh.spec(),
                fresh.desired(),
                fresh.observed()
                        .withPullStarted(T0)
                        .withContainer(
                                "web", c -> c.withRuntimeId("r1").running(T0).withHealth(HealthStatus.HEALTHY))
                        .withHealth(HealthStatus.HEALTHY)
                        .withStartedAt(T0)
                        .withPhase(TaskPhase.RUNNING),
                1);
        Path old = dir.resolve("v2.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old);
                Statement s = c.createStatement()) {
            for (String v : List.of("V1", "V2")) {
                String sql = new String(getClass()
                        .getResourceAsStream("/db/migration/" + v + ".sql")
                        .readAllBytes());
                for (String stmt : sql.replaceAll("(?m)^\\s*--.*$", "").split(";\\s*\\n")) {
                    if (!stmt.isBlank()) {
                        s.execute(stmt);
                    }
                }
            }
            s.execute("PRAGMA user_version = 2");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks(task_id, arn, cluster_name, family, "
                    + "task_group, launch_type, created_at, spec, desired_status, desired, phase, observed, version) "
                    + "VALUES (?,?,'default','fam','g','FARGATE',0,?,'RUNNING',?,?,?,1)")) {
                ps.setString(1, t.taskId());
                ps.setString(2, t.taskArn());
                ps.setString(3, dev.gantry.store.StoreJson.write(t.spec()));
                ps.setString(4, dev.gantry.store.StoreJson.write(t.desired()));
                ps.setString(5, t.observed().phase().name());
                ps.setString(6, dev.gantry.store.StoreJson.write(t.observed())); // V1's whole observed document
                ps.executeUpdate();
            }
        }
        try (Database migrated = Database.open(old)) {
            assertThat(new TaskStore(migrated).find(t.taskId())).contains(t);
        }
    }

    private String plan(String sql, Object... args) {
        return db.read(c -> {
            StringBuilder out = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.append(rs.getString("detail")).append('\n');
                    }
                }
            }
            return out.toString();
        });
    }
}
