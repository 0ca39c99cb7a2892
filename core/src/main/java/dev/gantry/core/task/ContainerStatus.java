package dev.gantry.core.task;

/**
 * A container's {@code lastStatus} as ECS reports it: PENDING until it starts, RUNNING once started, STOPPED once
 * it has exited (or was never started because the task stopped first). A container only moves forward.
 * The constant names are the wire values (and what the store keeps), so they must not be renamed.
 */
public enum ContainerStatus {
    PENDING,
    RUNNING,
    STOPPED
}
