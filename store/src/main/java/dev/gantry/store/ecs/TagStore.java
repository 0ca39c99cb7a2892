package dev.gantry.store.ecs;

import dev.gantry.core.tag.Tag;
import dev.gantry.store.sqlite.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Tags by resource ARN. Tagging a key again replaces its value. */
public final class TagStore {
    private final Database db;

    public TagStore(Database db) {
        this.db = db;
    }

    public void put(String arn, Collection<Tag> tags) {
        if (tags.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO tags(resource_arn, tag_key, tag_value) VALUES (?,?,?)")) {
                for (Tag t : tags) {
                    ps.setString(1, arn);
                    ps.setString(2, t.key());
                    ps.setString(3, t.value() == null ? "" : t.value());
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    public void remove(String arn, Collection<String> keys) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE resource_arn = ? AND tag_key = ?")) {
                for (String k : keys) {
                    ps.setString(1, arn);
                    ps.setString(2, k);
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    public void removeAll(String arn) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM tags WHERE resource_arn = ?")) {
                ps.setString(1, arn);
                return ps.executeUpdate();
            }
        });
    }

    public List<Tag> list(String arn) {
        return db.read(c -> {
            List<Tag> tags = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT tag_key, tag_value FROM tags WHERE resource_arn = ? ORDER BY tag_key")) {
                ps.setString(1, arn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tags.add(new Tag(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return tags;
        });
    }
}
