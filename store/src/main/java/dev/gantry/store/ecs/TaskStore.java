package dev.gantry.store.ecs;

import dev.gantry.core.tag.Tag;
import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.StopCode;
import dev.gantry.core.task.Task;
import dev.gantry.core.task.TaskDesired;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.core.task.TaskSpec;
import dev.gantry.store.Page;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasks. There is no generic save: the spec is written once at creation (with the task's tags, in the same
 * transaction), the desired half only by {@link #requestStop} (compare-and-set RUNNING → STOPPED, first decision
 * wins) and the observed half only by {@link #reportObserved} from the task's runner, which writes only the
 * observed columns that changed and computes the new task in memory from the compare-and-set version instead of
 * reading the row back. Each change bumps {@code version}.
 */
public final class TaskStore {
    private static final String COLUMNS = "spec, desired, " + ObservedColumns.SELECT + ", version";
    private final Database db;

    public TaskStore(Database db) {
        this.db = db;
    }

    /**
     * Stores the tasks of one RunTask and their tags ({@code spec().tags()}) in one transaction. If
     * {@code clientToken} already started tasks in the cluster, stores nothing and returns those instead (the
     * look-up is in the same transaction, so two concurrent retries cannot both insert).
     */
    public TaskInsert insertAll(List<Task> tasks, Optional<String> clientToken) {
        return db.write(c -> {
            if (clientToken.isPresent() && !tasks.isEmpty()) {
                List<Task> earlier = byClientToken(c, tasks.get(0).spec().clusterName(), clientToken.get());
                if (!earlier.isEmpty()) {
                    return new TaskInsert.TokenAlreadyUsed(earlier);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks(task_id, arn, cluster_name, family, "
                    + "started_by, task_group, launch_type, created_at, client_token, spec, desired_status, desired, "
                    + "phase, stopped_at, health, containers, observed, version) "
                    + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Task t : tasks) {
                    TaskSpec s = t.spec();
                    ps.setString(1, s.taskId());
                    ps.setString(2, s.taskArn());
                    ps.setString(3, s.clusterName());
                    ps.setString(4, s.family());
                    ps.setString(5, s.startedBy().orElse(null));
                    ps.setString(6, s.group());
                    ps.setString(7, s.launchType());
                    ps.setLong(8, s.createdAt().toEpochMilli());
                    if (clientToken.isPresent()) {
                        ps.setString(9, clientToken.get());
                    } else {
                        ps.setNull(9, Types.VARCHAR);
                    }
                    ps.setString(10, StoreJson.write(s));
                    ps.setString(11, t.desired().status().name());
                    ps.setString(12, StoreJson.write(t.desired()));
                    int i = 13;
                    for (Object v : ObservedColumns.all(t.observed()).values()) {
                        ObservedColumns.bind(ps, i++, v);
                    }
                    ps.setLong(18, t.version());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO tags(resource_arn, tag_key, tag_value) VALUES (?,?,?)")) {
                for (Task t : tasks) {
                    for (Tag tag : t.spec().tags()) {
                        ps.setString(1, t.taskArn());
                        ps.setString(2, tag.key());
                        ps.setString(3, tag.value() == null ? "" : tag.value());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return new TaskInsert.Inserted(tasks);
        });
    }

    public Optional<Task> find(String taskId) {
        return db.read(c -> one(c, taskId));
    }

    /**
     * Just the desired half and version of a task (what a runner re-reads when told of a stop decision), without
     * decoding its spec.
     */
    public Optional<DesiredVersion> findDesired(String taskId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT desired, version FROM tasks WHERE task_id = ?")) {
                ps.setString(1, taskId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new DesiredVersion(
                                    StoreJson.read(rs.getString(1), TaskDesired.class), rs.getLong(2)))
                            : Optional.empty();
                }
            }
        });
    }

    /** A task's desired half at a version. */
    public record DesiredVersion(TaskDesired desired, long version) {}

    /** Tasks previously started in this cluster with this client token (RunTask idempotency). */
    public List<Task> findByClientToken(String clusterName, String clientToken) {
        return db.read(c -> byClientToken(c, clusterName, clientToken));
    }

    private static List<Task> byClientToken(Connection c, String clusterName, String clientToken) throws SQLException {
        return many(
                c,
                "SELECT " + COLUMNS + " FROM tasks WHERE cluster_name = ? AND client_token = ? " + "ORDER BY rowid",
                clusterName,
                clientToken); // insertion order: a retry answers as the first call did
    }

    /** Every task that has not reached STOPPED: what a restarted control plane must re-adopt. */
    public List<Task> unfinished() {
        return db.read(c -> many(c, "SELECT " + COLUMNS + " FROM tasks WHERE phase <> 'STOPPED' ORDER BY created_at"));
    }

    public Page<Task> list(TaskQuery q, long offset, int limit) {
        StringBuilder sql =
                new StringBuilder("SELECT " + COLUMNS + " FROM tasks WHERE cluster_name = ? AND desired_status = ?");
        List<Object> args = new ArrayList<>(List.of(q.clusterName(), q.desiredStatus()));
        q.family().ifPresent(f -> {
            sql.append(" AND family = ?");
            args.add(f);
        });
        q.startedBy().ifPresent(s -> {
            sql.append(" AND started_by = ?");
            args.add(s);
        });
        q.launchType().ifPresent(l -> {
            sql.append(" AND launch_type = ?");
            args.add(l);
        });
        q.group().ifPresent(g -> {
            sql.append(" AND task_group = ?");
            args.add(g);
        });
        sql.append(" ORDER BY created_at, task_id LIMIT ? OFFSET ?");
        args.add(limit + 1);
        args.add(offset);
        return db.read(c -> Page.of(many(c, sql.toString(), args.toArray()), offset, limit));
    }

    /**
     * The tasks of one task group in a cluster (a service's tasks are group {@code service:NAME}) that have not
     * stopped, or stopped at or after {@code stoppedSince}; index-backed ({@code tasks_by_group}).
     */
    public List<Task> ofGroup(String clusterName, String group, Instant stoppedSince) {
        return db.read(c -> many(
                c,
                "SELECT " + COLUMNS + " FROM tasks WHERE cluster_name = ? AND task_group = ? AND (phase <> 'STOPPED' "
                        + "OR stopped_at >= ?) ORDER BY created_at, task_id",
                clusterName,
                group,
                stoppedSince.toEpochMilli()));
    }

    /** Number of tasks in the cluster that have not stopped. */
    public int countUnfinished(String clusterName) {
        return db.read(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT COUNT(*) FROM tasks WHERE cluster_name = ? AND phase <> 'STOPPED'")) {
                ps.setString(1, clusterName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** Whether any task that has not stopped was started from this task definition revision. */
    public boolean anyUnfinishedUsing(String taskDefinitionArn) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM tasks WHERE phase <> 'STOPPED' AND "
                    + "json_extract(spec, '$.taskDefinition.taskDefinitionArn') = ? LIMIT 1")) {
                ps.setString(1, taskDefinitionArn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Counts of unfinished tasks by ECS lastStatus bucket: [pending, running]. */
    public int[] countPendingRunning(String clusterName) {
        return db.read(c -> {
            int[] counts = new int[2];
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT phase, COUNT(*) FROM tasks WHERE cluster_name = ? AND phase <> 'STOPPED' GROUP BY phase")) {
                ps.setString(1, clusterName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TaskPhase p = TaskPhase.valueOf(rs.getString(1));
                        counts[p == TaskPhase.RUNNING ? 1 : 0] += rs.getInt(2);
                    }
                }
            }
            return counts;
        });
    }

    /**
     * Records the decision to stop a task, once: only if it is still desired RUNNING. Returns the task as it is
     * afterwards, whether this call or an earlier one made the decision; empty if there is no such task.
     */
    public Optional<Task> requestStop(String taskId, StopCode code, String reason, Instant at) {
        return requestStop(taskId, code, reason, at, false);
    }

    /** {@link #requestStop}, removing the task's tags in the same transaction when {@code removeTags} (StopTask). */
    public Optional<Task> requestStop(String taskId, StopCode code, String reason, Instant at, boolean removeTags) {
        return db.write(c -> {
            stop(c, taskId, TaskDesired.stopped(code, reason, at));
            Optional<Task> t = one(c, taskId);
            if (removeTags && t.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE resource_arn = ?")) {
                    ps.setString(1, t.get().taskArn());
                    ps.executeUpdate();
                }
            }
            return t;
        });
    }

    /**
     * The runner's report of what it observed, {@code before} being the task as the runner last knew it. Writes
     * only the observed columns that differ (nothing at all if none does), compare-and-set on
     * {@code before.version()}; if a stop decision was recorded meanwhile, re-reads just the desired half and
     * version and writes again. Returns the task as it now is. Only the task's runner calls this.
     */
    public Task reportObserved(Task before, TaskObserved after) {
        Map<String, Object> set = ObservedColumns.changed(before.observed(), after);
        if (set.isEmpty()) {
            return before;
        }
        return db.write(c -> writeObserved(c, before, after, set));
    }

    /**
     * A report and a stop decision (first one wins, as {@link #requestStop}) in one transaction: what the runner
     * writes when an essential container exits.
     */
    public Task reportObservedAndRequestStop(
            Task before, TaskObserved after, StopCode code, String reason, Instant at) {
        Map<String, Object> set = ObservedColumns.changed(before.observed(), after);
        return db.write(c -> {
            Task reported = set.isEmpty() ? before : writeObserved(c, before, after, set);
            if (reported.desired().status() == DesiredStatus.STOPPED) {
                return reported;
            }
            TaskDesired stopped = TaskDesired.stopped(code, reason, at);
            if (stop(c, before.taskId(), stopped) == 1) {
                return new Task(reported.spec(), stopped, after, reported.version() + 1);
            }
            return one(c, before.taskId()).orElseThrow(); // decided elsewhere since our last look: read it
        });
    }

    private static Task writeObserved(Connection c, Task before, TaskObserved after, Map<String, Object> set)
            throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE tasks SET ");
        set.keySet().forEach(col -> sql.append(col).append(" = ?, "));
        sql.append("version = version + 1 WHERE task_id = ? AND version = ?");
        TaskDesired desired = before.desired();
        long version = before.version();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object v : set.values()) {
                ObservedColumns.bind(ps, i++, v);
            }
            ps.setString(i, before.taskId());
            ps.setLong(i + 1, version);
            if (ps.executeUpdate() != 1) {
                Task current = one(c, before.taskId())
                        .orElseThrow(() -> new IllegalStateException("no task " + before.taskId() + " to report on"));
                desired = current.desired(); // only the desired half can have moved: the runner owns the rest
                version = current.version();
                ps.setLong(i + 1, version);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("task " + before.taskId() + " changed under its runner");
                }
            }
        }
        return new Task(before.spec(), desired, after, version + 1);
    }

    private static int stop(Connection c, String taskId, TaskDesired stopped) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET desired_status = 'STOPPED', desired = ?, "
                + "version = version + 1 WHERE task_id = ? AND desired_status = 'RUNNING'")) {
            ps.setString(1, StoreJson.write(stopped));
            ps.setString(2, taskId);
            return ps.executeUpdate();
        }
    }

    /** Forgets tasks that stopped before {@code cutoff}, with their tags; returns their ids. */
    public List<String> deleteStoppedBefore(Instant cutoff) {
        return db.write(c -> {
            List<String> ids = new ArrayList<>();
            List<String> arns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM tasks WHERE phase = 'STOPPED' AND stopped_at < ? RETURNING task_id, arn")) {
                ps.setLong(1, cutoff.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                        arns.add(rs.getString(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE resource_arn = ?")) {
                for (String arn : arns) {
                    ps.setString(1, arn);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return ids;
        });
    }

    private static Optional<Task> one(Connection c, String taskId) throws SQLException {
        List<Task> found = many(c, "SELECT " + COLUMNS + " FROM tasks WHERE task_id = ?", taskId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Task> many(Connection c, String sql, Object... args) throws SQLException {
        List<Task> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Task(
                            StoreJson.read(rs.getString(1), TaskSpec.class),
                            StoreJson.read(rs.getString(2), TaskDesired.class),
                            ObservedColumns.read(rs, 3),
                            rs.getLong(7)));
                }
            }
        }
        return out;
    }
}
