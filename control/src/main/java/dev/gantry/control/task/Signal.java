package dev.gantry.control.task;

import dev.gantry.runtime.spi.Health;

/** What wakes a task runner. */
sealed interface Signal {
    /** The desired status changed to STOPPED. */
    record StopRequested() implements Signal {}

    record ContainerExited(String container) implements Signal {}

    record HealthChanged(String container, Health health) implements Signal {}

    /** The task's sandbox stopped: the runner checks whether its network is gone. */
    record SandboxExited() implements Signal {}
}
