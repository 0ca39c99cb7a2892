package dev.gantry.store.lb;

import dev.gantry.core.lb.LbTag;
import dev.gantry.core.lb.RegisteredTarget;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Target groups and their targets. A target is registered once per (ip, port); deregistering sets the instant
 * its drain ends ({@code drain_until}), and {@link #removeDrained} removes it after that instant, so a drain
 * survives a restart. Registering a draining target again cancels the drain, as ELBv2 does.
 */
public final class TargetGroupStore {
    private final Database db;

    public TargetGroupStore(Database db) {
        this.db = db;
    }

    /** What deleting a target group found. */
    public enum DeleteResult {
        DELETED,
        NOT_FOUND,
        IN_USE
    }

    /** Inserts the group with its tags, unless one of that name exists: then that one is returned. */
    public Optional<TargetGroup> insert(TargetGroup group, List<LbTag> tags) {
        return db.write(c -> {
            Optional<TargetGroup> existing =
                    Rows.body(c, TargetGroup.class, "SELECT body FROM lb_target_groups WHERE name = ?", group.name());
            if (existing.isPresent()) {
                return existing;
            }
            Rows.update(
                    c,
                    "INSERT INTO lb_target_groups(arn, name, body) VALUES (?,?,?)",
                    group.arn(),
                    group.name(),
                    StoreJson.write(group));
            LbTagStore.put(c, group.arn(), tags);
            return Optional.empty();
        });
    }

    public Optional<TargetGroup> find(String arn) {
        return db.read(c -> Rows.body(c, TargetGroup.class, "SELECT body FROM lb_target_groups WHERE arn = ?", arn));
    }

    public Optional<TargetGroup> findByName(String name) {
        return db.read(c -> Rows.body(c, TargetGroup.class, "SELECT body FROM lb_target_groups WHERE name = ?", name));
    }

    /** All target groups in name order. */
    public List<TargetGroup> list() {
        return db.read(TargetGroupStore::allGroups);
    }

    static List<TargetGroup> allGroups(Connection c) throws SQLException {
        return Rows.bodies(c, TargetGroup.class, "SELECT body FROM lb_target_groups ORDER BY name");
    }

    public void update(TargetGroup group) {
        db.write(c -> Rows.update(
                c, "UPDATE lb_target_groups SET body = ? WHERE arn = ?", StoreJson.write(group), group.arn()));
    }

    /** Deletes the group, its targets and tags, unless a listener or rule forwards to it. */
    public DeleteResult delete(String arn) {
        return db.write(c -> {
            if (Rows.count(c, "SELECT count(*) FROM lb_forwards WHERE target_group_arn = ?", arn) > 0) {
                return DeleteResult.IN_USE;
            }
            Rows.update(c, "DELETE FROM lb_targets WHERE target_group_arn = ?", arn);
            LbTagStore.removeAll(c, arn);
            return Rows.update(c, "DELETE FROM lb_target_groups WHERE arn = ?", arn) > 0
                    ? DeleteResult.DELETED
                    : DeleteResult.NOT_FOUND;
        });
    }

    /** Registers the targets (a draining one is registered again); returns those that were not registered before. */
    public List<RegisteredTarget> register(String groupArn, Collection<RegisteredTarget> targets) {
        return db.write(c -> {
            List<RegisteredTarget> added = new ArrayList<>();
            for (RegisteredTarget t : targets) {
                int changed = Rows.update(
                        c,
                        "UPDATE lb_targets SET drain_until = NULL, registered_at = ? WHERE target_group_arn = ? AND"
                                + " ip = ? AND port = ? AND drain_until IS NOT NULL",
                        t.registeredAt().toEpochMilli(),
                        groupArn,
                        t.ip(),
                        t.port());
                int inserted = Rows.update(
                        c,
                        "INSERT OR IGNORE INTO lb_targets(target_group_arn, ip, port, registered_at) VALUES (?,?,?,?)",
                        groupArn,
                        t.ip(),
                        t.port(),
                        t.registeredAt().toEpochMilli());
                if (changed + inserted > 0) {
                    added.add(t);
                }
            }
            return added;
        });
    }

    /** Starts draining the registered targets until {@code until}; returns those that were not draining before. */
    public int deregister(String groupArn, Collection<RegisteredTarget> targets, Instant until) {
        return db.write(c -> {
            int n = 0;
            for (RegisteredTarget t : targets) {
                n += Rows.update(
                        c,
                        "UPDATE lb_targets SET drain_until = ? WHERE target_group_arn = ? AND ip = ? AND port = ?"
                                + " AND drain_until IS NULL",
                        until.toEpochMilli(),
                        groupArn,
                        t.ip(),
                        t.port());
            }
            return n;
        });
    }

    /** The group's targets, registered and draining, by ip and port. */
    public List<RegisteredTarget> targets(String groupArn) {
        return db.read(c -> targets(c, "WHERE target_group_arn = ?", groupArn));
    }

    static List<RegisteredTarget> allTargets(Connection c) throws SQLException {
        return targets(c, "");
    }

    private static List<RegisteredTarget> targets(Connection c, String where, Object... args) throws SQLException {
        List<RegisteredTarget> out = new ArrayList<>();
        try (PreparedStatement ps = Rows.bind(
                        c,
                        "SELECT target_group_arn, ip, port, registered_at, drain_until FROM lb_targets " + where
                                + " ORDER BY target_group_arn, ip, port",
                        args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long until = rs.getLong(5);
                Optional<Instant> draining = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(until));
                out.add(new RegisteredTarget(
                        rs.getString(1), rs.getString(2), rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4)), draining));
            }
        }
        return out;
    }

    /** Removes the targets whose drain ended at or before {@code now}; returns them. */
    public List<RegisteredTarget> removeDrained(Instant now) {
        return db.write(c -> {
            List<RegisteredTarget> done =
                    targets(c, "WHERE drain_until IS NOT NULL AND drain_until <= ?", now.toEpochMilli());
            Rows.update(
                    c, "DELETE FROM lb_targets WHERE drain_until IS NOT NULL AND drain_until <= ?", now.toEpochMilli());
            return done;
        });
    }

    /** The earliest drain deadline, if any target drains. */
    public Optional<Instant> nextDrainDeadline() {
        return db.read(c -> {
            long min = Rows.count(
                    c, "SELECT coalesce(min(drain_until), -1) FROM lb_targets WHERE drain_until IS NOT NULL");
            return min < 0 ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(min));
        });
    }
}
