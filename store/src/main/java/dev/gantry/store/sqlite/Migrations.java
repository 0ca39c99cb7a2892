package dev.gantry.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Versioned schema migrations: {@code db/migration/V<n>.sql} on the classpath, applied in order from the version
 * recorded in {@code PRAGMA user_version}, each inside the caller's transaction. Migrations are append-only:
 * never edit a released one, add the next number.
 */
final class Migrations {
    private Migrations() {}

    static Integer apply(Connection c) throws SQLException {
        int current;
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            current = rs.next() ? rs.getInt(1) : 0;
        }
        int version = current;
        while (true) {
            String sql = load(version + 1);
            if (sql == null) {
                break;
            }
            try (Statement s = c.createStatement()) {
                for (String statement : withoutComments(sql).split(";\\s*(\\r?\\n|$)")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                version++;
                s.execute("PRAGMA user_version = " + version);
            }
        }
        return version;
    }

    /** Drops {@code --} line comments: SQLite prepares a comment-only statement to nothing, which JDBC rejects. */
    private static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\\r?\\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String load(int version) {
        String path = "/db/migration/V" + version + ".sql";
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + path, e);
        }
    }
}
