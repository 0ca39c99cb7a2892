package dev.gantry.control.lb;

import java.util.Objects;
import java.util.Optional;

/** A target as RegisterTargets, DeregisterTargets or DescribeTargetHealth name it: an IP and an optional port. */
public record TargetInput(String id, Optional<Integer> port) {
    public TargetInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(port, "port");
    }
}
