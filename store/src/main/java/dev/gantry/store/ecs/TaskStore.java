package dev.gantry.store.ecs;

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
import java.util.Optional;

/**
 * Tasks. There is no generic save: the spec is written once at creation, the desired half only by
 * {@link #requestStop} (compare-and-set RUNNING → STOPPED, first decision wins) and the observed half only by
 * {@link #reportObserved} from the task's runner. Each change bumps {@code version}.
 */
public final class TaskStore {
    private static final String COLUMNS = "spec, desired, observed, version";
    private final Database db;

    public TaskStore(Database db) {
        this.db = db;
    }

    public void insertAll(List<Task> tasks, Optional<String> clientToken) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks(task_id, arn, cluster_name, family, "
                    + "started_by, task_group, launch_type, created_at, client_token, spec, desired_status, desired, "
                    + "phase, stopped_at, observed, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?,?)")) {
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
                    ps.setString(13, t.observed().phase().name());
                    ps.setString(14, StoreJson.write(t.observed()));
                    ps.setLong(15, t.version());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public Optional<Task> find(String taskId) {
        return db.read(c -> one(c, taskId));
    }

    /** Tasks previously started in this cluster with this client token (RunTask idempotency). */
    public List<Task> findByClientToken(String clusterName, String clientToken) {
        return db.read(c -> many(c, "SELECT " + COLUMNS + " FROM tasks WHERE cluster_name = ? AND client_token = ? "
                + "ORDER BY created_at, task_id", clusterName, clientToken));
    }

    /** Every task that has not reached STOPPED: what a restarted control plane must re-adopt. */
    public List<Task> unfinished() {
        return db.read(c -> many(c, "SELECT " + COLUMNS + " FROM tasks WHERE phase <> 'STOPPED' ORDER BY created_at"));
    }

    public Page<Task> list(TaskQuery q, long offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM tasks WHERE cluster_name = ? AND desired_status = ?");
        List<Object> args = new ArrayList<>(List.of(q.clusterName(), q.desiredStatus()));
        q.family().ifPresent(f -> { sql.append(" AND family = ?"); args.add(f); });
        q.startedBy().ifPresent(s -> { sql.append(" AND started_by = ?"); args.add(s); });
        q.launchType().ifPresent(l -> { sql.append(" AND launch_type = ?"); args.add(l); });
        sql.append(" ORDER BY created_at, task_id LIMIT ? OFFSET ?");
        args.add(limit + 1);
        args.add(offset);
        return db.read(c -> Page.of(many(c, sql.toString(), args.toArray()), offset, limit));
    }

    /** Number of tasks in the cluster that have not stopped. */
    public int countUnfinished(String clusterName) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM tasks WHERE cluster_name = ? AND phase <> 'STOPPED'")) {
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
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET desired_status = 'STOPPED', desired = ?, "
                    + "version = version + 1 WHERE task_id = ? AND desired_status = 'RUNNING'")) {
                ps.setString(1, StoreJson.write(TaskDesired.stopped(code, reason, at)));
                ps.setString(2, taskId);
                ps.executeUpdate();
            }
            return one(c, taskId);
        });
    }

    /** The runner's report of what it observed. Only the task's runner calls this. */
    public Task reportObserved(String taskId, TaskObserved observed) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE tasks SET observed = ?, phase = ?, stopped_at = ?, "
                    + "version = version + 1 WHERE task_id = ?")) {
                ps.setString(1, StoreJson.write(observed));
                ps.setString(2, observed.phase().name());
                if (observed.stoppedAt().isPresent()) {
                    ps.setLong(3, observed.stoppedAt().get().toEpochMilli());
                } else {
                    ps.setNull(3, Types.INTEGER);
                }
                ps.setString(4, taskId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("no task " + taskId + " to report on");
                }
            }
            return one(c, taskId).orElseThrow();
        });
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
                    out.add(new Task(StoreJson.read(rs.getString(1), TaskSpec.class),
                            StoreJson.read(rs.getString(2), TaskDesired.class),
                            StoreJson.read(rs.getString(3), TaskObserved.class), rs.getLong(4)));
                }
            }
        }
        return out;
    }
}
