package dev.gantry.store.ec2;

import dev.gantry.store.StoreJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JDBC plumbing of the EC2 store: run a statement with arguments, read JSON bodies and strings. */
final class Sql {
    private Sql() {}

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

    static <T> List<T> bodies(Connection c, Class<T> type, String sql, Object... args) throws SQLException {
        List<T> out = new ArrayList<>();
        for (String s : strings(c, sql, args)) {
            out.add(StoreJson.read(s, type));
        }
        return out;
    }

    static <T> Optional<T> body(Connection c, Class<T> type, String sql, Object... args) throws SQLException {
        List<T> rows = bodies(c, type, sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = bind(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The next creation sequence number of {@code table}. */
    static long nextSeq(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = bind(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
