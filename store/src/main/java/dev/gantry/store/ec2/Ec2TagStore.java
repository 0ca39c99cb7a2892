package dev.gantry.store.ec2;

import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Tags of EC2 resources by id (vpc-…, subnet-…, sg-…, sgr-…); tagging a key again replaces its value. */
public final class Ec2TagStore {
    private final Database db;

    public Ec2TagStore(Database db) {
        this.db = db;
    }

    /** Sets {@code tags} on every resource of {@code ids}, in one transaction. */
    public void put(Collection<String> ids, Map<String, String> tags) {
        db.write(c -> {
            for (String id : ids) {
                put(c, id, tags);
            }
            return null;
        });
    }

    /**
     * Removes from every resource of {@code ids} each key of {@code keys}: whatever its value when the key maps to
     * empty, only when the value matches otherwise (DeleteTags' Tag.N.Value).
     */
    public void remove(Collection<String> ids, Map<String, Optional<String>> keys) {
        db.write(c -> {
            for (String id : ids) {
                for (Map.Entry<String, Optional<String>> k : keys.entrySet()) {
                    if (k.getValue().isPresent()) {
                        Sql.update(
                                c,
                                "DELETE FROM ec2_tags WHERE resource_id = ? AND key = ? AND value = ?",
                                id,
                                k.getKey(),
                                k.getValue().get());
                    } else {
                        Sql.update(c, "DELETE FROM ec2_tags WHERE resource_id = ? AND key = ?", id, k.getKey());
                    }
                }
            }
            return null;
        });
    }

    /** The resource's tags in key order. */
    public Map<String, String> of(String id) {
        return db.read(c -> of(c, id));
    }

    /** Every tagged resource's tags, by resource id in id order (DescribeTags). */
    public Map<String, Map<String, String>> all() {
        return db.read(Ec2TagStore::all);
    }

    static void put(Connection c, String id, Map<String, String> tags) throws SQLException {
        for (Map.Entry<String, String> t : tags.entrySet()) {
            Sql.update(
                    c,
                    "INSERT OR REPLACE INTO ec2_tags(resource_id, key, value) VALUES (?,?,?)",
                    id,
                    t.getKey(),
                    t.getValue());
        }
    }

    static void removeAll(Connection c, String id) throws SQLException {
        Sql.update(c, "DELETE FROM ec2_tags WHERE resource_id = ?", id);
    }

    static Map<String, String> of(Connection c, String id) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps =
                        Sql.bind(c, "SELECT key, value FROM ec2_tags WHERE resource_id = ? ORDER BY key", id);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static Map<String, Map<String, String>> all(Connection c) throws SQLException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (PreparedStatement ps =
                        Sql.bind(c, "SELECT resource_id, key, value FROM ec2_tags ORDER BY resource_id, key");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
            }
        }
        return out;
    }
}
