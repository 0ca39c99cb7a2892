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

/** SQL for log_streams, run inside the caller's transaction. */
final class StreamSql {
    private static final String COLUMNS =
            "group_name, name, created_at, first_event_ts, last_event_ts, last_ingestion_ts, upload_sequence";

    private StreamSql() {}

    static LogStream insert(Connection c, String group, String name, Instant now) throws SQLException {
        if (find(c, group, name).isPresent()) {
            throw new ApiException(ErrorCode.RESOURCE_ALREADY_EXISTS, LogMessages.STREAM_EXISTS);
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO log_streams(group_name, name, created_at) VALUES (?,?,?)")) {
            ps.setString(1, group);
            ps.setString(2, name);
            ps.setLong(3, now.toEpochMilli());
            ps.executeUpdate();
        }
        return new LogStream(
                group,
                name,
                Instant.ofEpochMilli(now.toEpochMilli()),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0);
    }

    static Optional<LogStream> find(Connection c, String group, String name) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM log_streams WHERE group_name = ? AND name = ?")) {
            ps.setString(1, group);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static LogStream require(Connection c, String group, String name) throws SQLException {
        return find(c, group, name).orElseThrow(() -> ApiException.resourceNotFound(LogMessages.STREAM_NOT_FOUND));
    }

    /** Deletes the stream and its events; returns the message bytes that were stored in it. */
    static long delete(Connection c, String group, String name) throws SQLException {
        long bytes;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(length(CAST(message AS BLOB))), 0)"
                + " FROM log_events WHERE group_name = ? AND stream_name = ?")) {
            ps.setString(1, group);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                bytes = rs.next() ? rs.getLong(1) : 0;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM log_streams WHERE group_name = ? AND name = ?")) {
            ps.setString(1, group);
            ps.setString(2, name);
            if (ps.executeUpdate() == 0) {
                throw ApiException.resourceNotFound(LogMessages.STREAM_NOT_FOUND);
            }
        }
        return bytes;
    }

    /** limit + 1 streams from offset in the query's order. */
    static List<LogStream> list(Connection c, StreamQuery q, long offset) throws SQLException {
        String dir = q.descending() ? " DESC" : "";
        String order = q.orderBy() == StreamOrder.LAST_EVENT_TIME
                ? "coalesce(last_event_ts, -1)" + dir + ", name" + dir
                : "name" + dir;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM log_streams"
                + " WHERE group_name = ? AND instr(name, ?) = 1 ORDER BY " + order + " LIMIT ? OFFSET ?")) {
            ps.setString(1, q.group());
            ps.setString(2, q.prefix().orElse(""));
            ps.setInt(3, q.limit() + 1);
            ps.setLong(4, offset);
            List<LogStream> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    /** Names of the streams a filter selects, in name order. */
    static List<String> names(Connection c, String group, List<String> only, Optional<String> prefix)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM log_streams WHERE group_name = ? AND instr(name, ?) = 1 ORDER BY name")) {
            ps.setString(1, group);
            ps.setString(2, prefix.orElse(""));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (only.isEmpty() || only.contains(rs.getString(1))) {
                        names.add(rs.getString(1));
                    }
                }
            }
        }
        return names;
    }

    /** Records an upload: widens the event time range (when events were stored) and bumps the sequence. */
    static long recordUpload(
            Connection c, String group, String name, Optional<Instant> first, Optional<Instant> last, Instant ingested)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE log_streams SET"
                + " first_event_ts = CASE WHEN ? IS NULL THEN first_event_ts"
                + "   ELSE min(coalesce(first_event_ts, ?), ?) END,"
                + " last_event_ts = CASE WHEN ? IS NULL THEN last_event_ts"
                + "   ELSE max(coalesce(last_event_ts, ?), ?) END,"
                + " last_ingestion_ts = CASE WHEN ? IS NULL THEN last_ingestion_ts ELSE ? END,"
                + " upload_sequence = upload_sequence + 1"
                + " WHERE group_name = ? AND name = ? RETURNING upload_sequence")) {
            Long f = first.map(Instant::toEpochMilli).orElse(null);
            Long l = last.map(Instant::toEpochMilli).orElse(null);
            Long i = first.isPresent() ? ingested.toEpochMilli() : null;
            ps.setObject(1, f);
            ps.setObject(2, f);
            ps.setObject(3, f);
            ps.setObject(4, l);
            ps.setObject(5, l);
            ps.setObject(6, l);
            ps.setObject(7, i);
            ps.setObject(8, i);
            ps.setString(9, group);
            ps.setString(10, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.resourceNotFound(LogMessages.STREAM_NOT_FOUND);
                }
                return rs.getLong(1);
            }
        }
    }

    private static LogStream row(ResultSet rs) throws SQLException {
        return new LogStream(
                rs.getString(1),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3)),
                optionalMillis(rs, 4),
                optionalMillis(rs, 5),
                optionalMillis(rs, 6),
                rs.getLong(7));
    }

    private static Optional<Instant> optionalMillis(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
