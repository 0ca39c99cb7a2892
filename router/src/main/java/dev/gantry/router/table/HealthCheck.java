package dev.gantry.router.table;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a target group's targets are checked. {@code port} empty means ELBv2's {@code traffic-port} (the target's own
 * port). For a TCP check, {@code path} and {@code matcher} are ignored. Ranges are the router's, wider than ELBv2's
 * (sub-second intervals are allowed, for tests); the API validates ELBv2's own.
 */
public record HealthCheck(
        TargetProtocol protocol,
        String path,
        OptionalInt port,
        Duration interval,
        Duration timeout,
        int healthyThreshold,
        int unhealthyThreshold,
        Matcher matcher) {

    public HealthCheck {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(matcher, "matcher");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("health check path must start with /, was '" + path + "'");
        }
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("health check port must be 1-65535 or traffic-port");
        }
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("health check interval and timeout must be positive");
        }
        if (healthyThreshold < 1 || unhealthyThreshold < 1) {
            throw new IllegalArgumentException("health check thresholds must be at least 1");
        }
    }

    /** ELBv2's defaults for a target group of this protocol (interval 30 s, timeout 6 s (HTTP) or 10 s, 5/2). */
    public static HealthCheck defaults(TargetProtocol protocol) {
        return new HealthCheck(
                protocol,
                "/",
                OptionalInt.empty(),
                Duration.ofSeconds(30),
                Duration.ofSeconds(protocol == TargetProtocol.HTTP ? 6 : 10),
                5,
                2,
                Matcher.OK);
    }

    public HealthCheck withTiming(Duration interval, Duration timeout, int healthyThreshold, int unhealthyThreshold) {
        return new HealthCheck(protocol, path, port, interval, timeout, healthyThreshold, unhealthyThreshold, matcher);
    }

    public HealthCheck withPath(String path, Matcher matcher) {
        return new HealthCheck(protocol, path, port, interval, timeout, healthyThreshold, unhealthyThreshold, matcher);
    }
}
