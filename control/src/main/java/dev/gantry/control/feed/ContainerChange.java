package dev.gantry.control.feed;

import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.ContainerStatus;
import dev.gantry.core.task.HealthStatus;
import java.util.Objects;
import java.util.Optional;

/** One container's state as a transition reports it: ECS's lastStatus, exit code and reason, health. */
public record ContainerChange(
        String name,
        ContainerStatus lastStatus,
        Optional<Integer> exitCode,
        Optional<String> reason,
        HealthStatus health) {

    public ContainerChange {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lastStatus, "lastStatus");
        exitCode = exitCode == null ? Optional.empty() : exitCode;
        reason = reason == null ? Optional.empty() : reason;
        Objects.requireNonNull(health, "health");
    }

    static ContainerChange of(ContainerState s) {
        return new ContainerChange(s.name(), s.lastStatus(), s.exitCode(), s.reason(), s.healthStatus());
    }
}
