package dev.gantry.store.ecs;

import dev.gantry.store.sqlite.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.Supplier;

/** Installation-wide settings (e.g. the installation id that labels engine objects). */
public final class SettingsStore {
    private final Database db;

    public SettingsStore(Database db) {
        this.db = db;
    }

    /** The stored value, or {@code initial} stored and returned if there is none yet. */
    public String getOrCreate(String name, Supplier<String> initial) {
        return db.write(c -> {
            Optional<String> existing = get(c, name);
            if (existing.isPresent()) {
                return existing.get();
            }
            String value = initial.get();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings(name, value) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return value;
        });
    }

    private static Optional<String> get(java.sql.Connection c, String name) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
