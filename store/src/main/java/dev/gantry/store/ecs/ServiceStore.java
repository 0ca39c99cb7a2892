package dev.gantry.store.ecs;

import dev.gantry.core.service.Deployment;
import dev.gantry.core.service.DeploymentStatus;
import dev.gantry.core.service.Service;
import dev.gantry.core.service.ServiceEvent;
import dev.gantry.core.service.ServiceSpec;
import dev.gantry.core.service.ServiceStatus;
import dev.gantry.core.service.TaskMark;
import dev.gantry.core.tag.Tag;
import dev.gantry.store.Page;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ECS services, their deployments, events and the scheduler's task marks. No generic save; one writer per field:
 * the spec by {@link #create} / {@link #updateSpec} (the ECS handlers), status DRAINING by {@link #markDraining}
 * (DeleteService) and INACTIVE by {@link #markInactive} (the scheduler); a deployment is inserted by
 * {@link #create} / {@link #updateSpec} or a rollback ({@link #startRollback}), its progress written by
 * {@link #saveProgress} (the scheduler); events and marks by the scheduler.
 */
public final class ServiceStore {
    /** ECS keeps a service's latest 100 events. */
    public static final int MAX_EVENTS = 100;

    private final Database db;

    public ServiceStore(Database db) {
        this.db = db;
    }

    /**
     * Stores a new ACTIVE service, its first deployment and its tags in one transaction, unless the clientToken
     * already created a service in the cluster or the name is taken by an ACTIVE or DRAINING service. An INACTIVE
     * service of the same name is replaced.
     */
    public ServiceCreate create(Service service, Deployment first, List<Tag> tags, Optional<String> clientToken) {
        ServiceSpec s = service.spec();
        return db.write(c -> {
            if (clientToken.isPresent()) {
                Optional<Service> earlier =
                        oneWhere(c, "cluster_name = ? AND client_token = ?", s.clusterName(), clientToken.get());
                if (earlier.isPresent()) {
                    return new ServiceCreate.TokenAlreadyUsed(earlier.get());
                }
            }
            Optional<Service> existing = oneWhere(c, "arn = ?", s.serviceArn());
            if (existing.isPresent() && existing.get().status() != ServiceStatus.INACTIVE) {
                return new ServiceCreate.NameInUse(existing.get());
            }
            if (existing.isPresent()) {
                exec(c, "DELETE FROM services WHERE arn = ?", s.serviceArn());
                exec(c, "DELETE FROM tags WHERE resource_arn = ?", s.serviceArn());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO services(arn, cluster_name, name, status, "
                    + "launch_type, created_at, client_token, spec) VALUES (?,?,?,?,?,?,?,?)")) {
                ps.setString(1, s.serviceArn());
                ps.setString(2, s.clusterName());
                ps.setString(3, s.serviceName());
                ps.setString(4, service.status().name());
                ps.setString(5, first.target().launchType().orElse(null));
                ps.setLong(6, s.createdAt().toEpochMilli());
                if (clientToken.isPresent()) {
                    ps.setString(7, clientToken.get());
                } else {
                    ps.setNull(7, Types.VARCHAR);
                }
                ps.setString(8, StoreJson.write(s));
                ps.executeUpdate();
            }
            insertDeployment(c, first);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO tags(resource_arn, tag_key, tag_value) VALUES (?,?,?)")) {
                for (Tag t : tags) {
                    ps.setString(1, s.serviceArn());
                    ps.setString(2, t.key());
                    ps.setString(3, t.value() == null ? "" : t.value());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return new ServiceCreate.Created(service);
        });
    }

    /** The traffic shifts of the services' BLUE_GREEN, LINEAR and CANARY deployments, on the same database. */
    public ShiftStore shifts() {
        return new ShiftStore(db);
    }

    /** The service of that name in the cluster, whatever its status. */
    public Optional<Service> find(String serviceArn) {
        return db.read(c -> oneWhere(c, "arn = ?", serviceArn));
    }

    /** ACTIVE services of a cluster (DRAINING and INACTIVE ones are hidden, as in ListServices), by creation. */
    public Page<Service> listActive(String clusterName, Optional<String> launchType, long offset, int limit) {
        String sql = "cluster_name = ? AND status = 'ACTIVE'" + (launchType.isPresent() ? " AND launch_type = ?" : "")
                + " ORDER BY created_at, name LIMIT ? OFFSET ?";
        List<Object> args = new ArrayList<>(List.of(clusterName));
        launchType.ifPresent(args::add);
        args.add(limit + 1);
        args.add(offset);
        return db.read(c -> Page.of(manyWhere(c, sql, args.toArray()), offset, limit));
    }

    /** Number of ACTIVE services in a cluster. */
    public int countActive(String clusterName) {
        return db.read(c -> manyWhere(c, "cluster_name = ? AND status = 'ACTIVE'", clusterName)
                .size());
    }

    /**
     * Whether a deployment of a service that is not INACTIVE names {@code taskDefinitionArn}: the scheduler may still
     * launch from it (a running deployment, or the COMPLETED one a circuit breaker rolls back to), so a deleted
     * revision must not be purged meanwhile.
     */
    public boolean anyDeploymentUsing(String taskDefinitionArn) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM deployments d JOIN services s ON"
                    + " s.arn = d.service_arn WHERE s.status <> 'INACTIVE'"
                    + " AND json_extract(d.body, '$.target.taskDefinitionArn') = ? LIMIT 1")) {
                ps.setString(1, taskDefinitionArn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** ARNs of every service the scheduler still has work for (not INACTIVE): its resync list. */
    public List<String> unfinishedArns() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT arn FROM services WHERE status <> 'INACTIVE'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * UpdateService: writes the new spec and, when the update needs one, the new PRIMARY deployment (the previous
     * PRIMARY becomes ACTIVE), in one transaction. Only an ACTIVE service is updated; returns false otherwise.
     */
    public boolean updateSpec(ServiceSpec spec, Optional<Deployment> newPrimary, Instant now) {
        return db.write(c -> {
            int n;
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE services SET spec = ? WHERE arn = ? AND status = 'ACTIVE'")) {
                ps.setString(1, StoreJson.write(spec));
                ps.setString(2, spec.serviceArn());
                n = ps.executeUpdate();
            }
            if (n == 1 && newPrimary.isPresent()) {
                demotePrimary(c, spec.serviceArn(), now);
                insertDeployment(c, newPrimary.get());
                exec(
                        c,
                        "UPDATE services SET launch_type = ? WHERE arn = ?",
                        newPrimary.get().target().launchType().orElse(null),
                        spec.serviceArn());
            }
            return n == 1;
        });
    }

    /** DeleteService: ACTIVE → DRAINING (the scheduler then stops the tasks). False if it was not ACTIVE. */
    public boolean markDraining(String serviceArn) {
        return db.write(
                c -> exec(c, "UPDATE services SET status = 'DRAINING' WHERE arn = ? AND status = 'ACTIVE'", serviceArn)
                        == 1);
    }

    /** The scheduler, once a DRAINING service has no task left: INACTIVE, its deployments INACTIVE. */
    public void markInactive(String serviceArn, Instant now) {
        db.write(c -> {
            exec(c, "UPDATE services SET status = 'INACTIVE' WHERE arn = ? AND status = 'DRAINING'", serviceArn);
            for (Deployment d : deployments(c, serviceArn)) {
                if (d.status() != DeploymentStatus.INACTIVE) {
                    writeDeployment(c, d.withStatus(DeploymentStatus.INACTIVE, now));
                }
            }
            exec(c, "DELETE FROM tags WHERE resource_arn = ?", serviceArn);
            return null;
        });
    }

    /** Every deployment of the service, INACTIVE ones included, newest first. */
    public List<Deployment> deployments(String serviceArn) {
        return db.read(c -> deployments(c, serviceArn));
    }

    /** One deployment by id. */
    public Optional<Deployment> deployment(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM deployments WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(StoreJson.read(rs.getString(1), Deployment.class))
                            : Optional.empty();
                }
            }
        });
    }

    /** The scheduler's write of a deployment's counts, status and rollout state. */
    public void saveProgress(Deployment d) {
        db.write(c -> {
            writeDeployment(c, d);
            return null;
        });
    }

    /**
     * The circuit breaker's rollback: the failed deployment's new state and the rollback deployment (the new
     * PRIMARY) in one transaction. Does nothing if the failed deployment is no longer PRIMARY (already done).
     */
    public boolean startRollback(Deployment failed, Deployment rollback) {
        return db.write(c -> {
            Optional<Deployment> now = deployments(c, failed.serviceArn()).stream()
                    .filter(d -> d.id().equals(failed.id()))
                    .findFirst();
            if (now.isEmpty() || !now.get().isPrimary()) {
                return false;
            }
            writeDeployment(c, failed);
            insertDeployment(c, rollback);
            return true;
        });
    }

    /**
     * Adds an event unless the newest event has the same message and is younger than {@code suppressFor} (ECS
     * suppresses repeated messages); keeps the newest {@link #MAX_EVENTS}. Returns whether it was added.
     */
    public boolean addEvent(String serviceArn, ServiceEvent event, Duration suppressFor) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT message, created_at FROM service_events "
                    + "WHERE service_arn = ? ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, serviceArn);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()
                            && rs.getString(1).equals(event.message())
                            && event.createdAt().toEpochMilli() - rs.getLong(2) < suppressFor.toMillis()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO service_events(service_arn, id, created_at, message) VALUES (?,?,?,?)")) {
                ps.setString(1, serviceArn);
                ps.setString(2, event.id());
                ps.setLong(3, event.createdAt().toEpochMilli());
                ps.setString(4, event.message());
                ps.executeUpdate();
            }
            exec(
                    c,
                    "DELETE FROM service_events WHERE service_arn = ? AND seq NOT IN (SELECT seq FROM service_events "
                            + "WHERE service_arn = ? ORDER BY seq DESC LIMIT " + MAX_EVENTS + ")",
                    serviceArn,
                    serviceArn);
            return true;
        });
    }

    /** The service's events, newest first. */
    public List<ServiceEvent> events(String serviceArn) {
        return db.read(c -> {
            List<ServiceEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, message FROM service_events "
                    + "WHERE service_arn = ? ORDER BY seq DESC")) {
                ps.setString(1, serviceArn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ServiceEvent(
                                rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** The scheduler's marks on the service's tasks, by task id. */
    public Map<String, TaskMark> marks(String serviceArn) {
        return db.read(c -> {
            Map<String, TaskMark> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT task_id, healthy_at, registered_at, "
                    + "drain_started_at FROM service_task_marks WHERE service_arn = ?")) {
                ps.setString(1, serviceArn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(
                                rs.getString(1),
                                new TaskMark(
                                        rs.getString(1), serviceArn, instant(rs, 2), instant(rs, 3), instant(rs, 4)));
                    }
                }
            }
            return out;
        });
    }

    /** Writes a task mark (the scheduler only). */
    public void putMark(TaskMark m) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO service_task_marks(task_id, "
                    + "service_arn, healthy_at, registered_at, drain_started_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, m.taskId());
                ps.setString(2, m.serviceArn());
                ps.setObject(3, m.healthyAt().map(Instant::toEpochMilli).orElse(null));
                ps.setObject(4, m.registeredAt().map(Instant::toEpochMilli).orElse(null));
                ps.setObject(5, m.drainStartedAt().map(Instant::toEpochMilli).orElse(null));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets marks of tasks no longer in {@code keep} (stopped and past the scheduler's window). */
    public void retainMarks(String serviceArn, java.util.Set<String> keep) {
        Map<String, TaskMark> all = marks(serviceArn);
        db.write(c -> {
            for (String id : all.keySet()) {
                if (!keep.contains(id)) {
                    exec(c, "DELETE FROM service_task_marks WHERE task_id = ?", id);
                }
            }
            return null;
        });
    }

    private static Optional<Instant> instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private static void demotePrimary(Connection c, String serviceArn, Instant now) throws SQLException {
        for (Deployment d : deployments(c, serviceArn)) {
            if (d.isPrimary()) {
                writeDeployment(c, d.withStatus(DeploymentStatus.ACTIVE, now));
            }
        }
    }

    private static void insertDeployment(Connection c, Deployment d) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO deployments(id, service_arn, created_at, body) VALUES (?,?,?,?)")) {
            ps.setString(1, d.id());
            ps.setString(2, d.serviceArn());
            ps.setLong(3, d.createdAt().toEpochMilli());
            ps.setString(4, StoreJson.write(d));
            ps.executeUpdate();
        }
    }

    private static void writeDeployment(Connection c, Deployment d) throws SQLException {
        exec(c, "UPDATE deployments SET body = ? WHERE id = ?", StoreJson.write(d), d.id());
    }

    private static List<Deployment> deployments(Connection c, String serviceArn) throws SQLException {
        List<Deployment> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT body FROM deployments WHERE service_arn = ? ORDER BY created_at DESC, rowid DESC")) {
            ps.setString(1, serviceArn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(StoreJson.read(rs.getString(1), Deployment.class));
                }
            }
        }
        return out;
    }

    private static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static Optional<Service> oneWhere(Connection c, String where, Object... args) throws SQLException {
        List<Service> found = manyWhere(c, where, args);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Service> manyWhere(Connection c, String where, Object... args) throws SQLException {
        List<Service> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT spec, status FROM services WHERE " + where)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Service(
                            StoreJson.read(rs.getString(1), ServiceSpec.class),
                            ServiceStatus.valueOf(rs.getString(2))));
                }
            }
        }
        return out;
    }
}
