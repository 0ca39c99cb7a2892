package dev.gantry.store.ecs;

import dev.gantry.core.cluster.Cluster;
import dev.gantry.store.Page;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Clusters, by name. A deleted cluster stays as INACTIVE so it can still be described. */
public final class ClusterStore {
    private final Database db;

    public ClusterStore(Database db) {
        this.db = db;
    }

    /** Inserts the cluster, or returns the existing ACTIVE one of that name (CreateCluster is idempotent). */
    public Cluster createOrGet(Cluster cluster) {
        return db.write(c -> {
            Optional<Cluster> existing = find(c, cluster.clusterName());
            if (existing.isPresent() && existing.get().isActive()) {
                return existing.get();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO clusters(name, arn, status, created_at, body) VALUES (?,?,?,?,?)")) {
                ps.setString(1, cluster.clusterName());
                ps.setString(2, cluster.clusterArn());
                ps.setString(3, cluster.status());
                ps.setLong(4, cluster.createdAt().toEpochMilli());
                ps.setString(5, StoreJson.write(cluster));
                ps.executeUpdate();
            }
            return cluster;
        });
    }

    public Optional<Cluster> find(String name) {
        return db.read(c -> find(c, name));
    }

    private static Optional<Cluster> find(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT body FROM clusters WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(StoreJson.read(rs.getString(1), Cluster.class)) : Optional.empty();
            }
        }
    }

    /** ACTIVE clusters in name order. */
    public Page<Cluster> listActive(long offset, int limit) {
        return db.read(c -> {
            List<Cluster> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT body FROM clusters WHERE status = 'ACTIVE' ORDER BY name LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit + 1);
                ps.setLong(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(StoreJson.read(rs.getString(1), Cluster.class));
                    }
                }
            }
            return Page.of(rows, offset, limit);
        });
    }

    public void update(Cluster cluster) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE clusters SET status = ?, body = ? WHERE name = ?")) {
                ps.setString(1, cluster.status());
                ps.setString(2, StoreJson.write(cluster));
                ps.setString(3, cluster.clusterName());
                return ps.executeUpdate();
            }
        });
    }
}
