package dev.gantry.runtime.spi;

/** Observations a driver pushes as they happen. Keyed by task so the task's runner can pick them up. */
public sealed interface RuntimeEvent {
    String taskId();

    String runtimeId();

    /** A container's main process exited (or it was killed). */
    record ContainerExited(String taskId, String containerName, String runtimeId) implements RuntimeEvent {}

    /** A container's health check result changed. */
    record HealthChanged(String taskId, String containerName, String runtimeId, Health health)
            implements RuntimeEvent {}

    /**
     * The task's sandbox stopped (killed, or removed outside the control plane): the task's network namespace is
     * gone. Also sent when the task's own shutdown removes it; listeners check what is left, as for any event.
     */
    record SandboxExited(String taskId, String runtimeId) implements RuntimeEvent {}
}
