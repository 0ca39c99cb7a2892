package dev.gantry.store.servicediscovery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.DnsConfig;
import dev.gantry.core.servicediscovery.DnsRecord;
import dev.gantry.core.servicediscovery.HealthCheck;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.Instance;
import dev.gantry.core.servicediscovery.Namespace;
import dev.gantry.core.servicediscovery.NamespaceType;
import dev.gantry.core.servicediscovery.Operation;
import dev.gantry.core.servicediscovery.OperationStatus;
import dev.gantry.core.servicediscovery.OperationType;
import dev.gantry.core.servicediscovery.RecordType;
import dev.gantry.core.servicediscovery.RoutingPolicy;
import dev.gantry.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of the sd_* tables: statements and row mappings; the caller holds the transaction. */
final class CloudMapSql {
    static final String NAMESPACE_COLUMNS =
            "id, arn, name, type, description, vpc, soa_ttl, creator_request_id, created_at";
    static final String SERVICE_COLUMNS = "id, arn, namespace_id, name, description, dns_policy, dns_records,"
            + " health_kind, health_type, health_path, health_threshold, type, creator_request_id, created_at";
    static final String INSTANCE_COLUMNS =
            "service_id, instance_id, attributes, creator_request_id, health, registered_at";
    static final String OPERATION_COLUMNS =
            "id, type, status, targets, error_code, error_message," + " creator_request_id, created_at, updated_at";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private CloudMapSql() {}

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            ps.setObject(i + 1, a instanceof Optional<?> o ? o.orElse(null) : a);
        }
        return ps;
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    static <T> List<T> query(Connection c, Row<T> row, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        }
    }

    static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static String json(Map<String, String> map) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(map));
        } catch (java.io.IOException e) {
            throw new StoreException("cannot encode a map", e);
        }
    }

    static Map<String, String> map(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot decode a map: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(ResultSet rs, String col) throws SQLException {
        return Optional.ofNullable(rs.getString(col));
    }

    private static Optional<Long> whole(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? Optional.empty() : Optional.of(v);
    }

    static Namespace namespace(ResultSet rs) throws SQLException {
        return new Namespace(
                rs.getString("id"),
                rs.getString("arn"),
                rs.getString("name"),
                NamespaceType.valueOf(rs.getString("type")),
                text(rs, "description"),
                text(rs, "vpc"),
                whole(rs, "soa_ttl"),
                text(rs, "creator_request_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    static String records(DnsConfig dns) {
        return String.join(
                ",", dns.records().stream().map(r -> r.type() + ":" + r.ttl()).toList());
    }

    static DiscoveryService service(ResultSet rs) throws SQLException {
        Optional<DnsConfig> dns = text(rs, "dns_policy").map(policy -> {
            List<DnsRecord> records = new ArrayList<>();
            String raw = "";
            try {
                raw = rs.getString("dns_records");
            } catch (SQLException e) {
                throw new StoreException("cannot read dns_records", e);
            }
            for (String part : raw.isEmpty() ? new String[0] : raw.split(",")) {
                int colon = part.indexOf(':');
                records.add(new DnsRecord(
                        RecordType.valueOf(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1))));
            }
            return new DnsConfig(RoutingPolicy.valueOf(policy), records);
        });
        Optional<Integer> threshold = whole(rs, "health_threshold").map(Long::intValue);
        HealthCheck health = switch (rs.getString("health_kind")) {
            case "ROUTE53" -> new HealthCheck.Route53(rs.getString("health_type"), text(rs, "health_path"), threshold);
            case "CUSTOM" -> new HealthCheck.Custom(threshold);
            default -> new HealthCheck.None();
        };
        return new DiscoveryService(
                rs.getString("id"),
                rs.getString("arn"),
                rs.getString("namespace_id"),
                rs.getString("name"),
                text(rs, "description"),
                dns,
                health,
                rs.getString("type"),
                text(rs, "creator_request_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    static String healthKind(HealthCheck h) {
        return switch (h) {
            case HealthCheck.None n -> "NONE";
            case HealthCheck.Route53 r -> "ROUTE53";
            case HealthCheck.Custom c -> "CUSTOM";
        };
    }

    static Object[] healthColumns(HealthCheck h) {
        return switch (h) {
            case HealthCheck.None n -> new Object[] {"NONE", null, null, null};
            case HealthCheck.Route53 r ->
                new Object[] {
                    "ROUTE53",
                    r.type(),
                    r.resourcePath().orElse(null),
                    r.failureThreshold().orElse(null)
                };
            case HealthCheck.Custom c ->
                new Object[] {"CUSTOM", null, null, c.failureThreshold().orElse(null)};
        };
    }

    static Instance instance(ResultSet rs) throws SQLException {
        return new Instance(
                rs.getString("service_id"),
                rs.getString("instance_id"),
                map(rs.getString("attributes")),
                text(rs, "creator_request_id"),
                HealthStatus.valueOf(rs.getString("health")),
                Instant.ofEpochMilli(rs.getLong("registered_at")));
    }

    static Operation operation(ResultSet rs) throws SQLException {
        return new Operation(
                rs.getString("id"),
                OperationType.valueOf(rs.getString("type")),
                OperationStatus.valueOf(rs.getString("status")),
                map(rs.getString("targets")),
                text(rs, "error_code"),
                text(rs, "error_message"),
                text(rs, "creator_request_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    static void insertOperation(Connection c, Operation op) throws SQLException {
        update(
                c,
                "INSERT INTO sd_operations(" + OPERATION_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?)",
                op.id(),
                op.type().name(),
                op.status().name(),
                json(op.targets()),
                op.errorCode(),
                op.errorMessage(),
                op.creatorRequestId(),
                op.createdAt().toEpochMilli(),
                op.updatedAt().toEpochMilli());
    }
}
