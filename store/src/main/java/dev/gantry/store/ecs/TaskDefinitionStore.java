package dev.gantry.store.ecs;

import dev.gantry.core.taskdef.TaskDefinition;
import dev.gantry.core.taskdef.TaskDefinitionStatus;
import dev.gantry.store.Page;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Task definition revisions. Revision numbers come from a per-family counter that survives deregistration and
 * deletion, so a number is never issued twice (as in ECS).
 */
public final class TaskDefinitionStore {
    private final Database db;

    public TaskDefinitionStore(Database db) {
        this.db = db;
    }

    /** Allocates the family's next revision and stores what {@code build} makes of it, in one transaction. */
    public TaskDefinition register(String family, IntFunction<TaskDefinition> build) {
        return db.write(c -> {
            int next;
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO task_definition_families(family, last_revision) VALUES (?, 1) "
                            + "ON CONFLICT(family) DO UPDATE SET last_revision = last_revision + 1 "
                            + "RETURNING last_revision")) {
                ps.setString(1, family);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            TaskDefinition td = build.apply(next);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO task_definitions"
                    + "(family, revision, arn, status, registered_at, body) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, family);
                ps.setInt(2, next);
                ps.setString(3, td.taskDefinitionArn());
                ps.setString(4, td.status());
                ps.setLong(5, td.registeredAt().toEpochMilli());
                ps.setString(6, StoreJson.write(td));
                ps.executeUpdate();
            }
            return td;
        });
    }

    public Optional<TaskDefinition> find(String family, int revision) {
        return db.read(
                c -> one(c, "SELECT body FROM task_definitions WHERE family = ? AND revision = ?", family, revision));
    }

    /** The latest ACTIVE revision of a family. */
    public Optional<TaskDefinition> latestActive(String family) {
        return db.read(c -> one(
                c,
                "SELECT body FROM task_definitions WHERE family = ? AND status = 'ACTIVE' "
                        + "ORDER BY revision DESC LIMIT 1",
                family));
    }

    public void update(TaskDefinition td) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE task_definitions SET status = ?, body = ? WHERE family = ? AND revision = ?")) {
                ps.setString(1, td.status());
                ps.setString(2, StoreJson.write(td));
                ps.setString(3, td.family());
                ps.setInt(4, td.revision());
                return ps.executeUpdate();
            }
        });
    }

    /** Removes a revision for good (the family counter stays). */
    public void delete(String family, int revision) {
        db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM task_definitions WHERE family = ? AND revision = ?")) {
                ps.setString(1, family);
                ps.setInt(2, revision);
                return ps.executeUpdate();
            }
        });
    }

    /** Revisions with the given status, optionally of one family, ordered family then revision. */
    public Page<TaskDefinition> list(
            Optional<String> family, TaskDefinitionStatus status, boolean descending, long offset, int limit) {
        String dir = descending ? "DESC" : "ASC";
        String sql =
                "SELECT body FROM task_definitions WHERE status = ?" + (family.isPresent() ? " AND family = ?" : "")
                        + " ORDER BY family " + dir + ", revision " + dir + " LIMIT ? OFFSET ?";
        return db.read(c -> {
            List<TaskDefinition> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, status.name());
                if (family.isPresent()) {
                    ps.setString(i++, family.get());
                }
                ps.setInt(i++, limit + 1);
                ps.setLong(i, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(StoreJson.read(rs.getString(1), TaskDefinition.class));
                    }
                }
            }
            return Page.of(rows, offset, limit);
        });
    }

    /**
     * Family names starting with {@code prefix}. ACTIVE: families with an ACTIVE revision; INACTIVE: families with
     * revisions but none ACTIVE; ALL: any family with a revision.
     */
    public Page<String> families(String prefix, String statusFilter, long offset, int limit) {
        String having = switch (statusFilter) {
            case "ACTIVE" -> " HAVING SUM(status = 'ACTIVE') > 0";
            case "INACTIVE" -> " HAVING SUM(status = 'ACTIVE') = 0";
            default -> "";
        };
        String sql = "SELECT family FROM task_definitions WHERE family >= ? AND family < ? GROUP BY family" + having
                + " ORDER BY family LIMIT ? OFFSET ?";
        return db.read(c -> {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, prefix);
                ps.setString(2, prefix + Character.MAX_VALUE);
                ps.setInt(3, limit + 1);
                ps.setLong(4, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
            return Page.of(rows, offset, limit);
        });
    }

    private static Optional<TaskDefinition> one(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(StoreJson.read(rs.getString(1), TaskDefinition.class))
                        : Optional.empty();
            }
        }
    }
}
