package dev.gantry.store.logs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL for log_events. Every read walks the (ts_ms, id) order through an index, from an exclusive
 * {@link EventCursor}, so a page continues exactly where the previous one stopped.
 */
final class EventSql {
    private static final String COLUMNS = "id, stream_name, ts_ms, ts_nanos, ingestion_ms, message";

    private EventSql() {}

    /** Inserts events; {@code nanos} is the full-precision time when known. */
    static void insert(
            Connection c,
            String group,
            String stream,
            List<Instant> times,
            List<String> messages,
            boolean nanos,
            Instant ingested)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO log_events"
                + "(group_name, stream_name, ts_ms, ts_nanos, ingestion_ms, message) VALUES (?,?,?,?,?,?)")) {
            for (int i = 0; i < times.size(); i++) {
                Instant t = times.get(i);
                ps.setString(1, group);
                ps.setString(2, stream);
                ps.setLong(3, t.toEpochMilli());
                ps.setObject(4, nanos ? epochNanos(t) : null);
                ps.setLong(5, ingested.toEpochMilli());
                ps.setString(6, messages.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Up to {@code limit} events of one stream strictly after (forward) or before (backward) the cursor, within
     * {@code [fromMs, toMs)}; always returned in time order.
     */
    static List<StoredEvent> page(
            Connection c,
            String group,
            String stream,
            EventCursor cursor,
            boolean forward,
            long fromMs,
            long toMs,
            int limit)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM log_events WHERE group_name = ? AND stream_name = ?"
                + " AND ts_ms >= ? AND ts_ms < ? AND (ts_ms, id) " + (forward ? ">" : "<") + " (?, ?)"
                + " ORDER BY ts_ms" + (forward ? "" : " DESC") + ", id" + (forward ? "" : " DESC") + " LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, group);
            ps.setString(2, stream);
            ps.setLong(3, fromMs);
            ps.setLong(4, toMs);
            ps.setLong(5, cursor.timestampMs());
            ps.setLong(6, cursor.id());
            ps.setInt(7, limit);
            List<StoredEvent> rows = rows(ps);
            return forward ? rows : rows.reversed();
        }
    }

    /**
     * Up to {@code limit} events of a group after the cursor with {@code ts_ms <= toMs}, in time order, from the
     * selected streams (all when {@code streams} is empty).
     */
    static List<StoredEvent> scan(
            Connection c, String group, List<String> streams, EventCursor after, long toMs, int limit)
            throws SQLException {
        String in = streams.isEmpty() ? "" : " AND stream_name IN (" + "?,".repeat(streams.size() - 1) + "?)";
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM log_events"
                + " WHERE group_name = ? AND (ts_ms, id) > (?, ?) AND ts_ms <= ?" + in
                + " ORDER BY ts_ms, id LIMIT ?")) {
            int p = 1;
            ps.setString(p++, group);
            ps.setLong(p++, after.timestampMs());
            ps.setLong(p++, after.id());
            ps.setLong(p++, toMs);
            for (String s : streams) {
                ps.setString(p++, s);
            }
            ps.setInt(p, limit);
            return rows(ps);
        }
    }

    /** How much a deletion removed: events and the UTF-8 bytes of their messages. */
    record Removed(long events, long bytes) {}

    /** Deletes the group's events timed before {@code cutoffMs}. */
    static Removed deleteBefore(Connection c, String group, long cutoffMs) throws SQLException {
        Removed removed;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT count(*), COALESCE(SUM(length(CAST(message AS BLOB))), 0)"
                        + " FROM log_events WHERE group_name = ? AND ts_ms < ?")) {
            ps.setString(1, group);
            ps.setLong(2, cutoffMs);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                removed = new Removed(rs.getLong(1), rs.getLong(2));
            }
        }
        if (removed.events() > 0) {
            try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM log_events WHERE group_name = ? AND ts_ms < ?")) {
                ps.setString(1, group);
                ps.setLong(2, cutoffMs);
                ps.executeUpdate();
            }
        }
        return removed;
    }

    /** The newest full-precision time among the stream's events that have one. */
    static Optional<Instant> lastNanos(Connection c, String group, String stream) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(ts_nanos) FROM log_events"
                + " WHERE group_name = ? AND stream_name = ? AND ts_ms = (SELECT ts_ms FROM log_events"
                + " WHERE group_name = ? AND stream_name = ? AND ts_nanos IS NOT NULL ORDER BY ts_ms DESC LIMIT 1)")) {
            ps.setString(1, group);
            ps.setString(2, stream);
            ps.setString(3, group);
            ps.setString(4, stream);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long v = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(ofEpochNanos(v));
            }
        }
    }

    private static List<StoredEvent> rows(PreparedStatement ps) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long nanos = rs.getLong(4);
                Instant ts = rs.wasNull() ? Instant.ofEpochMilli(rs.getLong(3)) : ofEpochNanos(nanos);
                out.add(new StoredEvent(
                        rs.getLong(1), rs.getString(2), ts, Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6)));
            }
        }
        return out;
    }

    static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    static Instant ofEpochNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
