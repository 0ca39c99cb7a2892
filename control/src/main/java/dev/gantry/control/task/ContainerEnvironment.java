package dev.gantry.control.task;

import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import dev.gantry.runtime.spi.MountSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Environment variables the platform gives a container besides the ones its definition sets. {@link #defaults} a
 * definition's own {@code environment} may override; {@link #platform} it may not (as the ECS agent merges the
 * credentials and metadata URIs over the user's variables), and files the platform binds in ({@link #mounts}: the
 * task's {@code /etc/resolv.conf}). Implementations are pure and thread-safe.
 */
public interface ContainerEnvironment {
    /** None: only the definition's variables and the region ones. */
    ContainerEnvironment NONE = new ContainerEnvironment() {};

    default Map<String, String> defaults(TaskSpec task, ContainerDefinition container) {
        return Map.of();
    }

    default Map<String, String> platform(TaskSpec task, ContainerDefinition container) {
        return Map.of();
    }

    /**
     * Platform-owned files bound into the container; a path the definition itself mounts something at keeps the
     * definition's mount.
     */
    default List<MountSpec> mounts(TaskSpec task, ContainerDefinition container) {
        return List.of();
    }

    /** {@code first}'s variables and mounts, then {@code second}'s (which win on a clash). */
    static ContainerEnvironment both(ContainerEnvironment first, ContainerEnvironment second) {
        return new ContainerEnvironment() {
            @Override
            public Map<String, String> defaults(TaskSpec task, ContainerDefinition container) {
                Map<String, String> all = new LinkedHashMap<>(first.defaults(task, container));
                all.putAll(second.defaults(task, container));
                return all;
            }

            @Override
            public Map<String, String> platform(TaskSpec task, ContainerDefinition container) {
                Map<String, String> all = new LinkedHashMap<>(first.platform(task, container));
                all.putAll(second.platform(task, container));
                return all;
            }

            @Override
            public List<MountSpec> mounts(TaskSpec task, ContainerDefinition container) {
                List<MountSpec> all = new ArrayList<>(first.mounts(task, container));
                all.addAll(second.mounts(task, container));
                return all;
            }
        };
    }
}
