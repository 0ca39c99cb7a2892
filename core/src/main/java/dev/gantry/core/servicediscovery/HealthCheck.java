package dev.gantry.core.servicediscovery;

import java.util.Objects;
import java.util.Optional;

/**
 * How a service's instances' health is known: not at all (every instance counts as healthy and shows UNKNOWN), a
 * Route 53 health check ({@link Route53}), or a custom status the registrant reports ({@link Custom}: what ECS uses).
 */
public sealed interface HealthCheck {

    /** No health checking. */
    record None() implements HealthCheck {}

    /** HealthCheckConfig: HTTP, HTTPS or TCP checks of the instance (public DNS namespaces only, as AWS). */
    record Route53(String type, Optional<String> resourcePath, Optional<Integer> failureThreshold)
            implements HealthCheck {
        public Route53 {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(resourcePath, "resourcePath");
            Objects.requireNonNull(failureThreshold, "failureThreshold");
        }
    }

    /** HealthCheckCustomConfig: health is what UpdateInstanceCustomHealthStatus (or ECS) says. */
    record Custom(Optional<Integer> failureThreshold) implements HealthCheck {
        public Custom {
            Objects.requireNonNull(failureThreshold, "failureThreshold");
        }
    }
}
