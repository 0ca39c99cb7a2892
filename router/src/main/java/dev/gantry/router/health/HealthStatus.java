package dev.gantry.router.health;

import java.util.Objects;
import java.util.Optional;

/**
 * One target's health as the state machine holds it: the ELBv2 state and reason (with the description shown to
 * people) and the run of consecutive passes or failures that the thresholds count.
 */
public record HealthStatus(
        TargetState state, Optional<HealthReason> reason, Optional<String> description, int passes, int failures) {

    public HealthStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
    }

    static HealthStatus of(TargetState state, HealthReason reason) {
        return new HealthStatus(state, Optional.of(reason), Optional.of(reason.description()), 0, 0);
    }

    /** Same state and reason (counters aside): no change worth telling anyone. */
    public boolean sameAs(HealthStatus other) {
        return state == other.state && reason.equals(other.reason);
    }
}
