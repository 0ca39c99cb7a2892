package dev.gantry.store.ssm;

import dev.gantry.core.ssm.ParameterTier;
import dev.gantry.core.ssm.ParameterType;
import dev.gantry.core.ssm.ParameterValue;
import dev.gantry.core.ssm.ParameterVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The SQL of the ssm_* tables, statement by statement; the caller holds the transaction. */
final class ParameterSql {
    private static final String COLUMNS = "v.name, v.version, v.type, v.value, v.sealed, v.key_id, v.tier,"
            + " v.data_type, v.description, v.allowed_pattern, v.modified_at, v.modified_by";

    private ParameterSql() {}

    static PreparedStatement bind(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    static Optional<Long> latest(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = bind(c, "SELECT latest FROM ssm_parameters WHERE name = ?", name);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
        }
    }

    static Optional<ParameterVersion> version(Connection c, String name, long version) throws SQLException {
        List<ParameterVersion> rows = versions(c, "WHERE v.name = ? AND v.version = ?", labels(c, name), name, version);
        return rows.stream().findFirst();
    }

    /** Every version of {@code name}, oldest first. */
    static List<ParameterVersion> history(Connection c, String name) throws SQLException {
        return versions(c, "WHERE v.name = ? ORDER BY v.version", labels(c, name), name);
    }

    /** The latest version of every parameter whose name starts with {@code prefix}, in name order. */
    static List<ParameterVersion> latestAll(Connection c, String prefix) throws SQLException {
        Map<String, Map<Long, List<String>>> labels = new HashMap<>();
        try (PreparedStatement ps = bind(
                        c,
                        "SELECT name, version, label FROM ssm_labels WHERE substr(name, 1, length(?)) = ?"
                                + " ORDER BY label",
                        prefix,
                        prefix);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                labels.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
                        .add(rs.getString(3));
            }
        }
        List<ParameterVersion> out = new ArrayList<>();
        try (PreparedStatement ps = bind(
                        c,
                        "SELECT " + COLUMNS + " FROM ssm_parameters p JOIN ssm_parameter_versions v"
                                + " ON v.name = p.name AND v.version = p.latest"
                                + " WHERE substr(p.name, 1, length(?)) = ? ORDER BY p.name",
                        prefix,
                        prefix);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ParameterVersion v = row(rs, List.of());
                out.add(v.withLabels(labels.getOrDefault(v.name(), Map.of()).getOrDefault(v.version(), List.of())));
            }
        }
        return out;
    }

    private static Map<Long, List<String>> labels(Connection c, String name) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        try (PreparedStatement ps =
                        bind(c, "SELECT version, label FROM ssm_labels WHERE name = ? ORDER BY label", name);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return out;
    }

    private static List<ParameterVersion> versions(
            Connection c, String where, Map<Long, List<String>> labels, Object... args) throws SQLException {
        List<ParameterVersion> out = new ArrayList<>();
        try (PreparedStatement ps = bind(c, "SELECT " + COLUMNS + " FROM ssm_parameter_versions v " + where, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ParameterVersion v = row(rs, List.of());
                out.add(v.withLabels(labels.getOrDefault(v.version(), List.of())));
            }
        }
        return out;
    }

    private static ParameterVersion row(ResultSet rs, List<String> labels) throws SQLException {
        ParameterType type = ParameterType.fromWire(rs.getString(3)).orElseThrow();
        byte[] sealed = rs.getBytes(5);
        ParameterValue value =
                sealed != null ? new ParameterValue.Sealed(sealed) : new ParameterValue.Plain(rs.getString(4));
        return new ParameterVersion(
                rs.getString(1),
                rs.getLong(2),
                type,
                value,
                Optional.ofNullable(rs.getString(6)),
                ParameterTier.fromWire(rs.getString(7)).orElseThrow(),
                rs.getString(8),
                Optional.ofNullable(rs.getString(9)),
                Optional.ofNullable(rs.getString(10)),
                Instant.ofEpochMilli(rs.getLong(11)),
                rs.getString(12),
                labels);
    }

    static void insertVersion(Connection c, ParameterVersion v, Object value, Object sealed) throws SQLException {
        update(
                c,
                "INSERT INTO ssm_parameter_versions(name, version, type, value, sealed, key_id, tier, data_type,"
                        + " description, allowed_pattern, modified_at, modified_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                v.name(),
                v.version(),
                v.type().wireName(),
                value,
                sealed,
                v.keyId().orElse(null),
                v.tier().wireName(),
                v.dataType(),
                v.description().orElse(null),
                v.allowedPattern().orElse(null),
                v.modifiedAt().toEpochMilli(),
                v.modifiedBy());
    }

    static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, String> tags(Connection c, String name) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (PreparedStatement ps = bind(c, "SELECT key, value FROM ssm_tags WHERE name = ?", name);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static Map<String, Map<String, String>> allTags(Connection c) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = bind(c, "SELECT name, key, value FROM ssm_tags");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }
}
