package dev.gantry.store.lb;

import dev.gantry.core.lb.LbTag;
import dev.gantry.store.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Tags of ELBv2 resources by ARN; tagging a key again replaces its value. */
public final class LbTagStore {
    private final Database db;

    public LbTagStore(Database db) {
        this.db = db;
    }

    public void add(String arn, Collection<LbTag> tags) {
        db.write(c -> {
            put(c, arn, tags);
            return null;
        });
    }

    static void put(Connection c, String arn, Collection<LbTag> tags) throws SQLException {
        for (LbTag t : tags) {
            Rows.update(
                    c,
                    "INSERT OR REPLACE INTO lb_tags(resource_arn, key, value) VALUES (?,?,?)",
                    arn,
                    t.key(),
                    t.value());
        }
    }

    static void removeAll(Connection c, String arn) throws SQLException {
        Rows.update(c, "DELETE FROM lb_tags WHERE resource_arn = ?", arn);
    }

    public void remove(String arn, Collection<String> keys) {
        db.write(c -> {
            for (String k : keys) {
                Rows.update(c, "DELETE FROM lb_tags WHERE resource_arn = ? AND key = ?", arn, k);
            }
            return null;
        });
    }

    /** The resource's tags in key order. */
    public List<LbTag> list(String arn) {
        return db.read(c -> {
            List<LbTag> out = new ArrayList<>();
            try (PreparedStatement ps =
                            Rows.bind(c, "SELECT key, value FROM lb_tags WHERE resource_arn = ? ORDER BY key", arn);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LbTag(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        });
    }
}
