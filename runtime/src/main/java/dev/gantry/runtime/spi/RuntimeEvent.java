package dev.gantry.runtime.spi;

/** Observations a driver pushes as they happen. Keyed by task so the task's runner can pick them up. */
public sealed interface RuntimeEvent {
    String taskId();

    String containerName();

    String runtimeId();

    /** A container's main process exited (or it was killed). */
    record ContainerExited(String taskId, String containerName, String runtimeId) implements RuntimeEvent {}

    /** A container's health check result changed. */
    record HealthChanged(String taskId, String containerName, String runtimeId, Health health)
            implements RuntimeEvent {}
}
