package dev.gantry.store.logs;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.error.ErrorCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SQL for log_groups, run inside the caller's transaction. */
final class GroupSql {
    private static final String COLUMNS = "name, arn, created_at, retention_days, stored_bytes";

    private GroupSql() {}

    static LogGroup insert(Connection c, String name, String arn, Instant now) throws SQLException {
        if (find(c, name).isPresent()) {
            throw new ApiException(ErrorCode.RESOURCE_ALREADY_EXISTS, LogMessages.GROUP_EXISTS);
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO log_groups(name, arn, created_at, stored_bytes) VALUES (?,?,?,0)")) {
            ps.setString(1, name);
            ps.setString(2, arn);
            ps.setLong(3, now.toEpochMilli());
            ps.executeUpdate();
        }
        return new LogGroup(name, arn, Instant.ofEpochMilli(now.toEpochMilli()), Optional.empty(), 0);
    }

    static Optional<LogGroup> find(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM log_groups WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static LogGroup require(Connection c, String name) throws SQLException {
        return find(c, name).orElseThrow(() -> ApiException.resourceNotFound(LogMessages.GROUP_NOT_FOUND));
    }

    static void delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM log_groups WHERE name = ?")) {
            ps.setString(1, name);
            if (ps.executeUpdate() == 0) {
                throw ApiException.resourceNotFound(LogMessages.GROUP_NOT_FOUND);
            }
        }
    }

    /** Every group that has a retention period. */
    static List<LogGroup> withRetention(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM log_groups WHERE retention_days IS NOT NULL ORDER BY name")) {
            List<LogGroup> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        }
    }

    /** Groups in name order whose name starts with the prefix, limit + 1 rows from offset. */
    static List<LogGroup> list(Connection c, Optional<String> prefix, long offset, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM log_groups"
                + " WHERE name >= ? AND instr(name, ?) = 1 ORDER BY name LIMIT ? OFFSET ?")) {
            ps.setString(1, prefix.orElse(""));
            ps.setString(2, prefix.orElse(""));
            ps.setInt(3, limit + 1);
            ps.setLong(4, offset);
            List<LogGroup> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    static void setRetention(Connection c, String name, Optional<Integer> days) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE log_groups SET retention_days = ? WHERE name = ?")) {
            if (days.isPresent()) {
                ps.setInt(1, days.get());
            } else {
                ps.setNull(1, java.sql.Types.INTEGER);
            }
            ps.setString(2, name);
            if (ps.executeUpdate() == 0) {
                throw ApiException.resourceNotFound(LogMessages.GROUP_NOT_FOUND);
            }
        }
    }

    static void addStoredBytes(Connection c, String name, long delta) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE log_groups SET stored_bytes = max(0, stored_bytes + ?) WHERE name = ?")) {
            ps.setLong(1, delta);
            ps.setString(2, name);
            ps.executeUpdate();
        }
    }

    private static LogGroup row(ResultSet rs) throws SQLException {
        int retention = rs.getInt(4);
        Optional<Integer> days = rs.wasNull() ? Optional.empty() : Optional.of(retention);
        return new LogGroup(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), days, rs.getLong(5));
    }
}
