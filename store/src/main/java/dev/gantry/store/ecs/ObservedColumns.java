package dev.gantry.store.ecs;

import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.TaskObserved;
import dev.gantry.core.task.TaskPhase;
import dev.gantry.store.StoreJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a task's observed half maps onto its columns: {@code phase}, {@code stopped_at}, {@code health},
 * {@code containers} (JSON) and {@code observed} (JSON, {@link ObservedDetail}). {@link #changed} lists only the
 * columns whose values differ, so a report writes what it changed and nothing else.
 */
final class ObservedColumns {
    /** The columns to select, in the order {@link #read} expects them. */
    static final String SELECT = "phase, health, containers, observed";

    private ObservedColumns() {}

    /** Column name to new value (String, Long or null) for each column that differs between the two. */
    static Map<String, Object> changed(TaskObserved before, TaskObserved after) {
        Map<String, Object> set = new LinkedHashMap<>();
        if (before.phase() != after.phase()) {
            set.put("phase", after.phase().name());
        }
        if (!before.stoppedAt().equals(after.stoppedAt())) {
            set.put(
                    "stopped_at",
                    after.stoppedAt().map(java.time.Instant::toEpochMilli).orElse(null));
        }
        if (before.healthStatus() != after.healthStatus()) {
            set.put("health", after.healthStatus().name());
        }
        if (!before.containers().equals(after.containers())) {
            set.put("containers", StoreJson.write(after.containers()));
        }
        ObservedDetail detail = ObservedDetail.of(after);
        if (!ObservedDetail.of(before).equals(detail)) {
            set.put("observed", StoreJson.write(detail));
        }
        return set;
    }

    /** Every column's value, for an insert. */
    static Map<String, Object> all(TaskObserved o) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("phase", o.phase().name());
        set.put("stopped_at", o.stoppedAt().map(java.time.Instant::toEpochMilli).orElse(null));
        set.put("health", o.healthStatus().name());
        set.put("containers", StoreJson.write(o.containers()));
        set.put("observed", StoreJson.write(ObservedDetail.of(o)));
        return set;
    }

    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else {
            ps.setObject(index, value);
        }
    }

    /** Reads the observed half from {@link #SELECT}'s columns, starting at {@code first}. */
    static TaskObserved read(ResultSet rs, int first) throws SQLException {
        TaskPhase phase = TaskPhase.valueOf(rs.getString(first));
        HealthStatus health = HealthStatus.valueOf(rs.getString(first + 1));
        List<ContainerState> containers = List.of(StoreJson.read(rs.getString(first + 2), ContainerState[].class));
        ObservedDetail d = StoreJson.read(rs.getString(first + 3), ObservedDetail.class);
        return new TaskObserved(
                phase,
                health,
                d.sandboxId(),
                d.attachment(),
                containers,
                d.pullStartedAt(),
                d.pullStoppedAt(),
                d.connectivityAt(),
                d.startedAt(),
                d.stoppingAt(),
                d.executionStoppedAt(),
                d.stoppedAt());
    }
}
