package dev.gantry.store.iam;

import dev.gantry.store.StoreJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** JDBC plumbing for the IAM stores: run a statement with arguments, read strings and JSON bodies. */
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

    static Optional<String> string(Connection c, String sql, Object... args) throws SQLException {
        List<String> rows = strings(c, sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    static <T> List<T> bodies(Connection c, Class<T> type, String sql, Object... args) throws SQLException {
        return strings(c, sql, args).stream().map(s -> StoreJson.read(s, type)).toList();
    }

    static <T> Optional<T> body(Connection c, Class<T> type, String sql, Object... args) throws SQLException {
        return string(c, sql, args).map(s -> StoreJson.read(s, type));
    }

    static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bind(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
