package dev.gantry.control.task;

import dev.gantry.core.task.TaskSpec;
import dev.gantry.core.taskdef.ContainerDefinition;
import java.util.Map;

/**
 * Environment variables the platform gives a container besides the ones its definition sets. {@link #defaults} a
 * definition's own {@code environment} may override; {@link #platform} it may not (as the ECS agent merges the
 * credentials and metadata URIs over the user's variables). Implementations are pure and thread-safe.
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
}
