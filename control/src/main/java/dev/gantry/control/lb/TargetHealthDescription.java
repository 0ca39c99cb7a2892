package dev.gantry.control.lb;

import java.util.Objects;

/** One row of DescribeTargetHealth: the target, the port its health is checked on, and its health. */
public record TargetHealthDescription(Target target, String healthCheckPort, TargetHealth health) {
    public TargetHealthDescription {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(healthCheckPort, "healthCheckPort");
        Objects.requireNonNull(health, "health");
    }
}
