package dev.gantry.control.lb;

import java.util.Objects;
import java.util.Optional;

/** A target's health as DescribeTargetHealth reports it: a state, and for most states ELB's reason code. */
public record TargetHealth(TargetState state, Optional<String> reason, Optional<String> description) {
    public TargetHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
    }

    public static TargetHealth of(TargetState state, String reason, String description) {
        return new TargetHealth(state, Optional.of(reason), Optional.of(description));
    }

    public static TargetHealth healthy() {
        return new TargetHealth(TargetState.HEALTHY, Optional.empty(), Optional.empty());
    }
}
