package dev.gantry.control.task;

import dev.gantry.core.task.TaskSpec;
import java.util.Optional;

/**
 * Which engine runtime a task's containers run under ({@code runsc} for gVisor), decided when they are created.
 * ECS has no such setting; the server's implementation reads a cluster tag and a configured default.
 */
@FunctionalInterface
public interface TaskRuntimes {
    /** The engine's default runtime for every task. */
    TaskRuntimes ENGINE_DEFAULT = task -> Optional.empty();

    /** The runtime for {@code task}'s containers, empty for the engine's default. */
    Optional<String> runtimeFor(TaskSpec task);
}
