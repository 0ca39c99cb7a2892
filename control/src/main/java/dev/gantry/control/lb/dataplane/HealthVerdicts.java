package dev.gantry.control.lb.dataplane;

import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetState;
import dev.gantry.router.health.HealthReason;
import java.util.Optional;

/**
 * The router's target health → DescribeTargetHealth's, a pure function. The router names ELB's states and reason
 * codes already; this maps them one to one and drops the router's "not registered" answer (the router has not seen
 * the target yet: the control plane then reports {@code initial}, Elb.RegistrationInProgress, itself).
 */
public final class HealthVerdicts {
    private HealthVerdicts() {}

    public static Optional<TargetHealth> of(dev.gantry.router.health.TargetHealth h) {
        if (h.reason().filter(r -> r == HealthReason.NOT_REGISTERED).isPresent()) {
            return Optional.empty();
        }
        TargetState state = switch (h.state()) {
            case INITIAL -> TargetState.INITIAL;
            case HEALTHY -> TargetState.HEALTHY;
            case UNHEALTHY -> TargetState.UNHEALTHY;
            case DRAINING -> TargetState.DRAINING;
            case UNUSED -> TargetState.UNUSED;
        };
        if (state == TargetState.HEALTHY) {
            return Optional.of(TargetHealth.healthy());
        }
        return Optional.of(new TargetHealth(state, h.reason().map(HealthReason::code), h.description()));
    }
}
