package dev.gantry.core.lb;

import java.util.Objects;
import java.util.Optional;

/**
 * A target group's health check as ELBv2 describes it. {@code port} is {@code traffic-port} or a port number;
 * {@code path} and {@code matcher} (ALB's {@code HttpCode}: {@code 200}, {@code 200,202}, {@code 200-299}) apply to
 * HTTP checks only.
 */
public record HealthCheck(
        boolean enabled,
        String protocol,
        String port,
        Optional<String> path,
        int intervalSeconds,
        int timeoutSeconds,
        int healthyThreshold,
        int unhealthyThreshold,
        Optional<String> matcher) {
    public static final String TRAFFIC_PORT = "traffic-port";

    public HealthCheck {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(matcher, "matcher");
    }

    /** The port to probe for a target registered on {@code trafficPort}. */
    public int portFor(int trafficPort) {
        return port.equals(TRAFFIC_PORT) ? trafficPort : Integer.parseInt(port);
    }
}
