package dev.gantry.router.table;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A target group: how its targets are reached and checked, how long a deregistered target drains
 * ({@code deregistrationDelay}, ELBv2's {@code deregistration_delay.timeout_seconds}) and its registered targets.
 * {@code slowStart} (zero = off): a target that becomes healthy while others are gets a share of requests that grows
 * linearly from nothing to its full share over that time. {@code resilience}: retries, outlier ejection and a
 * per-request timeout ({@link Resilience#NONE} for ELBv2's groups).
 */
public record TargetGroup(
        String id,
        TargetProtocol protocol,
        HealthCheck healthCheck,
        Duration deregistrationDelay,
        Duration slowStart,
        List<Target> targets,
        Resilience resilience) {

    public TargetGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(slowStart, "slowStart");
        if (slowStart.isNegative()) {
            throw new IllegalArgumentException("slow start of target group " + id + " is negative");
        }
        targets = List.copyOf(targets);
        Objects.requireNonNull(resilience, "resilience");
        if (deregistrationDelay.isNegative()) {
            throw new IllegalArgumentException("deregistration delay of target group " + id + " is negative");
        }
        if (new HashSet<>(targets).size() != targets.size()) {
            throw new IllegalArgumentException("target group " + id + " lists a target twice");
        }
    }

    /** A group without {@link Resilience} (ELBv2's). */
    public TargetGroup(
            String id,
            TargetProtocol protocol,
            HealthCheck healthCheck,
            Duration deregistrationDelay,
            Duration slowStart,
            List<Target> targets) {
        this(id, protocol, healthCheck, deregistrationDelay, slowStart, targets, Resilience.NONE);
    }

    /** An HTTP group with ELBv2's defaults (health checks, 300 s deregistration delay, no slow start). */
    public static TargetGroup http(String id, List<Target> targets) {
        return new TargetGroup(
                id,
                TargetProtocol.HTTP,
                HealthCheck.defaults(TargetProtocol.HTTP),
                Duration.ofSeconds(300),
                Duration.ZERO,
                targets);
    }

    public TargetGroup withTargets(List<Target> newTargets) {
        return new TargetGroup(id, protocol, healthCheck, deregistrationDelay, slowStart, newTargets, resilience);
    }

    public TargetGroup withHealthCheck(HealthCheck check) {
        return new TargetGroup(id, protocol, check, deregistrationDelay, slowStart, targets, resilience);
    }

    public TargetGroup withSlowStart(Duration duration) {
        return new TargetGroup(id, protocol, healthCheck, deregistrationDelay, duration, targets, resilience);
    }

    public TargetGroup withDeregistrationDelay(Duration delay) {
        return new TargetGroup(id, protocol, healthCheck, delay, slowStart, targets, resilience);
    }

    public TargetGroup withResilience(Resilience value) {
        return new TargetGroup(id, protocol, healthCheck, deregistrationDelay, slowStart, targets, value);
    }
}
