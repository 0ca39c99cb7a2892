package dev.gantry.store.servicediscovery;

import static dev.gantry.store.servicediscovery.CloudMapSql.count;
import static dev.gantry.store.servicediscovery.CloudMapSql.query;
import static dev.gantry.store.servicediscovery.CloudMapSql.update;

import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.CloudMapMessages;
import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.Instance;
import dev.gantry.core.servicediscovery.Namespace;
import dev.gantry.core.servicediscovery.Operation;
import dev.gantry.core.servicediscovery.OperationType;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Cloud Map's namespaces, services, instances, operations and tags (migration V12). The one writer of the sd_*
 * tables. The checks that depend on what is stored (a name already taken, a namespace with services, a service with
 * instances, a CreatorRequestId used before, the limits) are made in the transaction that writes, so two racing
 * calls cannot both pass them.
 */
public final class CloudMapStore {
    /** Namespaces per account, instances per service: AWS's default quotas. */
    public static final int MAX_NAMESPACES = 50;

    public static final int MAX_INSTANCES = 1_000;

    private final Database db;

    public CloudMapStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    // ---- namespaces

    /**
     * Creates {@code ns} with its tags and records {@code op}. A repeat with the CreatorRequestId of an earlier
     * create of the same name returns that earlier operation; with another name it is DuplicateRequest.
     */
    public Operation createNamespace(Namespace ns, Map<String, String> tags, Operation op) {
        return db.write(c -> {
            if (ns.creatorRequestId().isPresent()) {
                Optional<Operation> earlier = byCreator(
                        c, OperationType.CREATE_NAMESPACE, ns.creatorRequestId().get());
                if (earlier.isPresent()) {
                    String earlierNs = earlier.get().targets().getOrDefault("NAMESPACE", "");
                    List<Namespace> same = query(
                            c,
                            CloudMapSql::namespace,
                            "SELECT " + CloudMapSql.NAMESPACE_COLUMNS + " FROM sd_namespaces WHERE id = ?",
                            earlierNs);
                    if (!same.isEmpty() && same.get(0).name().equals(ns.name())) {
                        return earlier.get();
                    }
                    throw CloudMapError.DUPLICATE_REQUEST.error(String.format(
                            CloudMapMessages.DUPLICATE_CREATOR_REQUEST,
                            ns.creatorRequestId().get(),
                            earlier.get().id()));
                }
            }
            List<Namespace> clash = query(
                    c,
                    CloudMapSql::namespace,
                    "SELECT " + CloudMapSql.NAMESPACE_COLUMNS + " FROM sd_namespaces WHERE name = ?",
                    ns.name());
            if (!clash.isEmpty()) {
                throw CloudMapError.NAMESPACE_ALREADY_EXISTS.error(String.format(
                        CloudMapMessages.NAMESPACE_EXISTS,
                        ns.name(),
                        clash.get(0).id()));
            }
            if (count(c, "SELECT count(*) FROM sd_namespaces") >= MAX_NAMESPACES) {
                throw CloudMapError.RESOURCE_LIMIT_EXCEEDED.error(
                        String.format(CloudMapMessages.NAMESPACE_LIMIT, MAX_NAMESPACES));
            }
            update(
                    c,
                    "INSERT INTO sd_namespaces(" + CloudMapSql.NAMESPACE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)",
                    ns.id(),
                    ns.arn(),
                    ns.name(),
                    ns.type().name(),
                    ns.description(),
                    ns.vpc(),
                    ns.soaTtl(),
                    ns.creatorRequestId(),
                    ns.createdAt().toEpochMilli());
            putTags(c, ns.arn(), tags);
            CloudMapSql.insertOperation(c, op);
            return op;
        });
    }

    public Optional<Namespace> namespace(String id) {
        return db.read(c -> query(
                        c,
                        CloudMapSql::namespace,
                        "SELECT " + CloudMapSql.NAMESPACE_COLUMNS + " FROM sd_namespaces WHERE id = ?",
                        id)
                .stream()
                .findFirst());
    }

    public Optional<Namespace> namespaceByName(String name) {
        return db.read(c -> query(
                        c,
                        CloudMapSql::namespace,
                        "SELECT " + CloudMapSql.NAMESPACE_COLUMNS + " FROM sd_namespaces WHERE name = ?",
                        name)
                .stream()
                .findFirst());
    }

    /** Every namespace, oldest first. */
    public List<Namespace> namespaces() {
        return db.read(c -> query(
                c,
                CloudMapSql::namespace,
                "SELECT " + CloudMapSql.NAMESPACE_COLUMNS + " FROM sd_namespaces ORDER BY created_at, id"));
    }

    /** How many services each namespace has (absent: none). */
    public Map<String, Integer> serviceCounts() {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            query(
                    c,
                    rs -> {
                        out.put(rs.getString(1), rs.getInt(2));
                        return null;
                    },
                    "SELECT namespace_id, count(*) FROM sd_services GROUP BY namespace_id");
            return out;
        });
    }

    /** Updates a namespace's description and SOA TTL, recording {@code op}. */
    public Operation updateNamespace(Namespace updated, Operation op) {
        return db.write(c -> {
            int n = update(
                    c,
                    "UPDATE sd_namespaces SET description = ?, soa_ttl = ? WHERE id = ?",
                    updated.description(),
                    updated.soaTtl(),
                    updated.id());
            if (n == 0) {
                throw namespaceNotFound(updated.id());
            }
            CloudMapSql.insertOperation(c, op);
            return op;
        });
    }

    /** Deletes a namespace with no services (ResourceInUse otherwise) and its tags, recording {@code op}. */
    public Operation deleteNamespace(String id, Operation op) {
        return db.write(c -> {
            long services = count(c, "SELECT count(*) FROM sd_services WHERE namespace_id = ?", id);
            if (services > 0) {
                throw CloudMapError.RESOURCE_IN_USE.error(
                        String.format(CloudMapMessages.NAMESPACE_IN_USE, id, services));
            }
            List<String> arn = query(c, rs -> rs.getString(1), "SELECT arn FROM sd_namespaces WHERE id = ?", id);
            if (arn.isEmpty()) {
                throw namespaceNotFound(id);
            }
            update(c, "DELETE FROM sd_namespaces WHERE id = ?", id);
            update(c, "DELETE FROM sd_tags WHERE arn = ?", arn.get(0));
            CloudMapSql.insertOperation(c, op);
            return op;
        });
    }

    private static RuntimeException namespaceNotFound(String id) {
        return CloudMapError.NAMESPACE_NOT_FOUND.error(String.format(CloudMapMessages.NAMESPACE_NOT_FOUND, id));
    }

    private static RuntimeException serviceNotFound(String id) {
        return CloudMapError.SERVICE_NOT_FOUND.error(String.format(CloudMapMessages.SERVICE_NOT_FOUND, id));
    }

    // ---- services

    /**
     * Creates a service in its namespace (NamespaceNotFound if it has gone, ServiceAlreadyExists for a taken name).
     * A repeat with the CreatorRequestId of an existing service returns that service.
     */
    public DiscoveryService createService(DiscoveryService s, Map<String, String> tags) {
        return db.write(c -> {
            if (s.creatorRequestId().isPresent()) {
                List<DiscoveryService> earlier = query(
                        c,
                        CloudMapSql::service,
                        "SELECT " + CloudMapSql.SERVICE_COLUMNS + " FROM sd_services WHERE creator_request_id = ?",
                        s.creatorRequestId().get());
                if (!earlier.isEmpty()) {
                    return earlier.get(0);
                }
            }
            if (count(c, "SELECT count(*) FROM sd_namespaces WHERE id = ?", s.namespaceId()) == 0) {
                throw namespaceNotFound(s.namespaceId());
            }
            List<String> clash = query(
                    c,
                    rs -> rs.getString(1),
                    "SELECT id FROM sd_services WHERE namespace_id = ? AND name = ?",
                    s.namespaceId(),
                    s.name());
            if (!clash.isEmpty()) {
                throw CloudMapError.SERVICE_ALREADY_EXISTS.error(
                        String.format(CloudMapMessages.SERVICE_EXISTS, s.name(), s.namespaceId(), clash.get(0)));
            }
            Object[] h = CloudMapSql.healthColumns(s.healthCheck());
            update(
                    c,
                    "INSERT INTO sd_services(" + CloudMapSql.SERVICE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    s.id(),
                    s.arn(),
                    s.namespaceId(),
                    s.name(),
                    s.description(),
                    s.dnsConfig().map(d -> d.routingPolicy().name()),
                    s.dnsConfig().map(CloudMapSql::records),
                    h[0],
                    h[1],
                    h[2],
                    h[3],
                    s.type(),
                    s.creatorRequestId(),
                    s.createdAt().toEpochMilli());
            putTags(c, s.arn(), tags);
            return s;
        });
    }

    public Optional<DiscoveryService> service(String id) {
        return db.read(c -> query(
                        c,
                        CloudMapSql::service,
                        "SELECT " + CloudMapSql.SERVICE_COLUMNS + " FROM sd_services WHERE id = ?",
                        id)
                .stream()
                .findFirst());
    }

    /** Every service, oldest first. */
    public List<DiscoveryService> services() {
        return db.read(c -> query(
                c,
                CloudMapSql::service,
                "SELECT " + CloudMapSql.SERVICE_COLUMNS + " FROM sd_services ORDER BY created_at, id"));
    }

    /** How many instances each service has (absent: none). */
    public Map<String, Integer> instanceCounts() {
        return db.read(c -> {
            Map<String, Integer> out = new HashMap<>();
            query(
                    c,
                    rs -> {
                        out.put(rs.getString(1), rs.getInt(2));
                        return null;
                    },
                    "SELECT service_id, count(*) FROM sd_instances GROUP BY service_id");
            return out;
        });
    }

    /** Rewrites a service's description, DNS records and health settings, recording {@code op}. */
    public Operation updateService(DiscoveryService s, Operation op) {
        return db.write(c -> {
            Object[] h = CloudMapSql.healthColumns(s.healthCheck());
            int n = update(
                    c,
                    "UPDATE sd_services SET description = ?, dns_policy = ?, dns_records = ?, health_kind = ?,"
                            + " health_type = ?, health_path = ?, health_threshold = ? WHERE id = ?",
                    s.description(),
                    s.dnsConfig().map(d -> d.routingPolicy().name()),
                    s.dnsConfig().map(CloudMapSql::records),
                    h[0],
                    h[1],
                    h[2],
                    h[3],
                    s.id());
            if (n == 0) {
                throw serviceNotFound(s.id());
            }
            CloudMapSql.insertOperation(c, op);
            return op;
        });
    }

    /** Deletes a service with no instances (ResourceInUse otherwise) and its tags. */
    public void deleteService(String id) {
        db.write(c -> {
            long instances = count(c, "SELECT count(*) FROM sd_instances WHERE service_id = ?", id);
            if (instances > 0) {
                throw CloudMapError.RESOURCE_IN_USE.error(
                        String.format(CloudMapMessages.SERVICE_IN_USE, id, instances));
            }
            List<String> arn = query(c, rs -> rs.getString(1), "SELECT arn FROM sd_services WHERE id = ?", id);
            if (arn.isEmpty()) {
                throw serviceNotFound(id);
            }
            update(c, "DELETE FROM sd_services WHERE id = ?", id);
            update(c, "DELETE FROM sd_tags WHERE arn = ?", arn.get(0));
            return null;
        });
    }

    // ---- instances

    /** Registers (or re-registers, replacing its attributes) an instance, recording {@code op}. */
    public Operation registerInstance(Instance i, Operation op) {
        return db.write(c -> {
            if (count(c, "SELECT count(*) FROM sd_services WHERE id = ?", i.serviceId()) == 0) {
                throw serviceNotFound(i.serviceId());
            }
            boolean exists = count(
                            c,
                            "SELECT count(*) FROM sd_instances WHERE service_id = ? AND instance_id = ?",
                            i.serviceId(),
                            i.instanceId())
                    > 0;
            if (!exists
                    && count(c, "SELECT count(*) FROM sd_instances WHERE service_id = ?", i.serviceId())
                            >= MAX_INSTANCES) {
                throw CloudMapError.RESOURCE_LIMIT_EXCEEDED.error(
                        String.format(CloudMapMessages.INSTANCE_LIMIT, MAX_INSTANCES));
            }
            update(
                    c,
                    "INSERT INTO sd_instances(" + CloudMapSql.INSTANCE_COLUMNS + ") VALUES (?,?,?,?,?,?)"
                            + " ON CONFLICT(service_id, instance_id) DO UPDATE SET attributes = excluded.attributes,"
                            + " creator_request_id = excluded.creator_request_id, health = excluded.health",
                    i.serviceId(),
                    i.instanceId(),
                    CloudMapSql.json(i.attributes()),
                    i.creatorRequestId(),
                    i.health().name(),
                    i.registeredAt().toEpochMilli());
            bump(c, i.serviceId());
            CloudMapSql.insertOperation(c, op);
            return op;
        });
    }

    /** Removes an instance (InstanceNotFound if it is not registered), recording {@code op}. */
    public Operation deregisterInstance(String serviceId, String instanceId, Operation op) {
        return db.write(c -> {
            if (count(c, "SELECT count(*) FROM sd_services WHERE id = ?", serviceId) == 0) {
                throw serviceNotFound(serviceId);
            }
            int n = update(
                    c, "DELETE FROM sd_instances WHERE service_id = ? AND instance_id = ?", serviceId, instanceId);
            if (n == 0) {
                throw CloudMapError.INSTANCE_NOT_FOUND.error(
                        String.format(CloudMapMessages.INSTANCE_NOT_FOUND, instanceId, serviceId));
            }
            bump(c, serviceId);
            CloudMapSql.insertOperation(c, op);
            return op;
        });
    }

    /** Sets an instance's health; whether it changed. InstanceNotFound if it is not registered. */
    public boolean setHealth(String serviceId, String instanceId, HealthStatus health) {
        return db.write(c -> {
            List<String> now = query(
                    c,
                    rs -> rs.getString(1),
                    "SELECT health FROM sd_instances WHERE service_id = ? AND instance_id = ?",
                    serviceId,
                    instanceId);
            if (now.isEmpty()) {
                throw CloudMapError.INSTANCE_NOT_FOUND.error(
                        String.format(CloudMapMessages.INSTANCE_NOT_FOUND, instanceId, serviceId));
            }
            if (now.get(0).equals(health.name())) {
                return false;
            }
            update(
                    c,
                    "UPDATE sd_instances SET health = ? WHERE service_id = ? AND instance_id = ?",
                    health.name(),
                    serviceId,
                    instanceId);
            bump(c, serviceId);
            return true;
        });
    }

    private static void bump(Connection c, String serviceId) throws SQLException {
        update(c, "UPDATE sd_services SET revision = revision + 1 WHERE id = ?", serviceId);
    }

    public Optional<Instance> instance(String serviceId, String instanceId) {
        return db.read(c -> query(
                        c,
                        CloudMapSql::instance,
                        "SELECT " + CloudMapSql.INSTANCE_COLUMNS
                                + " FROM sd_instances WHERE service_id = ? AND instance_id = ?",
                        serviceId,
                        instanceId)
                .stream()
                .findFirst());
    }

    /** A service's instances, by id. */
    public List<Instance> instances(String serviceId) {
        return db.read(c -> query(
                c,
                CloudMapSql::instance,
                "SELECT " + CloudMapSql.INSTANCE_COLUMNS
                        + " FROM sd_instances WHERE service_id = ? ORDER BY instance_id",
                serviceId));
    }

    /** Every instance of every service, by service then id. */
    public List<Instance> allInstances() {
        return db.read(c -> query(
                c,
                CloudMapSql::instance,
                "SELECT " + CloudMapSql.INSTANCE_COLUMNS + " FROM sd_instances ORDER BY service_id, instance_id"));
    }

    /** The service's instances revision: it grows with every registration, deregistration and health change. */
    public long revision(String serviceId) {
        return db.read(c -> count(c, "SELECT revision FROM sd_services WHERE id = ?", serviceId));
    }

    // ---- operations

    public Optional<Operation> operation(String id) {
        return db.read(c -> query(
                        c,
                        CloudMapSql::operation,
                        "SELECT " + CloudMapSql.OPERATION_COLUMNS + " FROM sd_operations WHERE id = ?",
                        id)
                .stream()
                .findFirst());
    }

    /** Every operation, oldest first. */
    public List<Operation> operations() {
        return db.read(c -> query(
                c,
                CloudMapSql::operation,
                "SELECT " + CloudMapSql.OPERATION_COLUMNS + " FROM sd_operations ORDER BY created_at, id"));
    }

    /** The operations not yet finished. */
    public List<Operation> openOperations() {
        return db.read(c -> query(
                c,
                CloudMapSql::operation,
                "SELECT " + CloudMapSql.OPERATION_COLUMNS
                        + " FROM sd_operations WHERE status IN ('SUBMITTED', 'PENDING') ORDER BY created_at"));
    }

    /** Writes operations' new statuses (the background step's advance). */
    public void saveOperations(Collection<Operation> ops) {
        if (ops.isEmpty()) {
            return;
        }
        db.write(c -> {
            for (Operation op : ops) {
                update(
                        c,
                        "UPDATE sd_operations SET status = ?, error_code = ?, error_message = ?, updated_at = ?"
                                + " WHERE id = ?",
                        op.status().name(),
                        op.errorCode(),
                        op.errorMessage(),
                        op.updatedAt().toEpochMilli(),
                        op.id());
            }
            return null;
        });
    }

    private static Optional<Operation> byCreator(Connection c, OperationType type, String creator) throws SQLException {
        return query(
                        c,
                        CloudMapSql::operation,
                        "SELECT " + CloudMapSql.OPERATION_COLUMNS
                                + " FROM sd_operations WHERE creator_request_id = ? AND type = ?",
                        creator,
                        type.name())
                .stream()
                .findFirst();
    }

    // ---- tags

    /** Whether {@code arn} is a namespace's or a service's. */
    public boolean taggable(String arn) {
        return db.read(c -> count(
                        c,
                        "SELECT (SELECT count(*) FROM sd_namespaces WHERE arn = ?)"
                                + " + (SELECT count(*) FROM sd_services WHERE arn = ?)",
                        arn,
                        arn)
                > 0);
    }

    public Map<String, String> tags(String arn) {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            query(
                    c,
                    rs -> {
                        out.put(rs.getString(1), rs.getString(2));
                        return null;
                    },
                    "SELECT key, value FROM sd_tags WHERE arn = ? ORDER BY key",
                    arn);
            return out;
        });
    }

    /** Adds or overwrites tags; the count after must stay within {@code max} (TooManyTagsException). */
    public void tag(String arn, Map<String, String> tags, int max) {
        db.write(c -> {
            putTags(c, arn, tags);
            long n = count(c, "SELECT count(*) FROM sd_tags WHERE arn = ?", arn);
            if (n > max) {
                throw CloudMapError.TOO_MANY_TAGS.error(String.format(CloudMapMessages.TOO_MANY_TAGS, max, n));
            }
            return null;
        });
    }

    public void untag(String arn, Collection<String> keys) {
        db.write(c -> {
            for (String k : keys) {
                update(c, "DELETE FROM sd_tags WHERE arn = ? AND key = ?", arn, k);
            }
            return null;
        });
    }

    private static void putTags(Connection c, String arn, Map<String, String> tags) throws SQLException {
        for (var e : tags.entrySet()) {
            update(
                    c,
                    "INSERT INTO sd_tags(arn, key, value) VALUES (?,?,?) ON CONFLICT(arn, key) DO UPDATE SET"
                            + " value = excluded.value",
                    arn,
                    e.getKey(),
                    e.getValue());
        }
    }
}
