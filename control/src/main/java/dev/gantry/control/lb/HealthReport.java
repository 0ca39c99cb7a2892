package dev.gantry.control.lb;

import dev.gantry.core.lb.RegisteredTarget;
import dev.gantry.core.lb.TargetGroup;
import java.util.Optional;

/**
 * DescribeTargetHealth's state and reason for one target, from what is known: whether it is registered or
 * draining, whether its group is on a listener, whether health checks are on, and the data plane's verdict.
 */
public final class HealthReport {
    static final String NOT_REGISTERED = "Target is not registered to the target group";
    static final String DRAINING = "Target deregistration is in progress";
    static final String NOT_IN_USE = "Target group is not configured to receive traffic from the load balancer";
    static final String DISABLED = "Health checks are disabled";
    static final String REGISTERING = "Target registration is in progress";

    private HealthReport() {}

    /** The health of {@code target} ({@code registered} empty if it is not in the group). */
    public static TargetHealth of(
            TargetGroup group, Optional<RegisteredTarget> registered, boolean inUse, Optional<TargetHealth> checked) {
        if (registered.isEmpty()) {
            return TargetHealth.of(TargetState.UNUSED, "Target.NotRegistered", NOT_REGISTERED);
        }
        if (registered.get().draining()) {
            return TargetHealth.of(TargetState.DRAINING, "Target.DeregistrationInProgress", DRAINING);
        }
        if (!inUse) {
            return TargetHealth.of(TargetState.UNUSED, "Target.NotInUse", NOT_IN_USE);
        }
        if (!group.healthCheck().enabled()) {
            return TargetHealth.of(TargetState.UNAVAILABLE, "Target.HealthCheckDisabled", DISABLED);
        }
        return checked.orElseGet(() -> TargetHealth.of(TargetState.INITIAL, "Elb.RegistrationInProgress", REGISTERING));
    }
}
