package dev.gantry.store.ecs;

import dev.gantry.core.service.TrafficShift;
import dev.gantry.store.StoreJson;
import dev.gantry.store.sqlite.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The traffic shifts of BLUE_GREEN, LINEAR and CANARY deployments. One writer per field: the shift by the service
 * scheduler ({@link #save}); the answer to a paused hook by ContinueServiceDeployment ({@link #answer}).
 */
public final class ShiftStore {
    private final Database db;

    public ShiftStore(Database db) {
        this.db = db;
    }

    /** A shift and the answer given to its awaiting hook, if any. */
    public record Stored(TrafficShift shift, Optional<String> hookId, Optional<String> hookAction) {}

    /** Inserts or replaces a deployment's shift (the answer column is kept). */
    public void save(TrafficShift s) {
        db.write(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO traffic_shifts(deployment_id, service_arn, body) VALUES (?,?,?) "
                            + "ON CONFLICT(deployment_id) DO UPDATE SET body = excluded.body")) {
                ps.setString(1, s.deploymentId());
                ps.setString(2, s.serviceArn());
                ps.setString(3, StoreJson.write(s));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Every shift of a service. */
    public List<Stored> ofService(String serviceArn) {
        return db.read(c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT body, hook_id, hook_action FROM traffic_shifts WHERE service_arn = ?")) {
                ps.setString(1, serviceArn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored(
                                StoreJson.read(rs.getString(1), TrafficShift.class),
                                Optional.ofNullable(rs.getString(2)),
                                Optional.ofNullable(rs.getString(3))));
                    }
                }
            }
            return out;
        });
    }

    /** One deployment's shift. */
    public Optional<Stored> of(String deploymentId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT body, hook_id, hook_action FROM traffic_shifts WHERE deployment_id = ?")) {
                ps.setString(1, deploymentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Stored(
                                    StoreJson.read(rs.getString(1), TrafficShift.class),
                                    Optional.ofNullable(rs.getString(2)),
                                    Optional.ofNullable(rs.getString(3))))
                            : Optional.empty();
                }
            }
        });
    }

    /** ContinueServiceDeployment: records the answer for the hook; false if the deployment has no shift. */
    public boolean answer(String deploymentId, String hookId, String action) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE traffic_shifts SET hook_id = ?, hook_action = ? WHERE deployment_id = ?")) {
                ps.setString(1, hookId);
                ps.setString(2, action);
                ps.setString(3, deploymentId);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
