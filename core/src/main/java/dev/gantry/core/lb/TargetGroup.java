package dev.gantry.core.lb;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A target group of type {@code ip}: its traffic protocol ({@code HTTP} for an ALB, {@code TCP} for an NLB) and
 * port, health check, and attributes (every attribute ELBv2 describes, defaults included; keys in order).
 */
public record TargetGroup(
        String arn,
        String name,
        String protocol,
        Optional<String> protocolVersion,
        int port,
        String vpcId,
        String targetType,
        String ipAddressType,
        HealthCheck healthCheck,
        Map<String, String> attributes,
        Instant createdAt) {
    public static final String DEREGISTRATION_DELAY = "deregistration_delay.timeout_seconds";
    public static final String SLOW_START = "slow_start.duration_seconds";

    public TargetGroup {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(ipAddressType, "ipAddressType");
        Objects.requireNonNull(healthCheck, "healthCheck");
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean isHttp() {
        return protocol.equals("HTTP") || protocol.equals("HTTPS");
    }

    /** How long a deregistered target drains before it is gone. */
    public Duration deregistrationDelay() {
        return Duration.ofSeconds(Long.parseLong(attributes.getOrDefault(DEREGISTRATION_DELAY, "300")));
    }

    /** The slow-start ramp; zero when off. */
    public Duration slowStart() {
        return Duration.ofSeconds(Long.parseLong(attributes.getOrDefault(SLOW_START, "0")));
    }

    public TargetGroup withHealthCheck(HealthCheck check) {
        return new TargetGroup(
                arn,
                name,
                protocol,
                protocolVersion,
                port,
                vpcId,
                targetType,
                ipAddressType,
                check,
                attributes,
                createdAt);
    }

    public TargetGroup withAttributes(Map<String, String> changed) {
        return new TargetGroup(
                arn,
                name,
                protocol,
                protocolVersion,
                port,
                vpcId,
                targetType,
                ipAddressType,
                healthCheck,
                changed,
                createdAt);
    }
}
