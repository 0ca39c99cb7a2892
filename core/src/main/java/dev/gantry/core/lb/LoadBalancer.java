package dev.gantry.core.lb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A load balancer: {@code type} {@code application} or {@code network}, {@code scheme} {@code internal} (its
 * listeners bind loopback) or {@code internet-facing} (all interfaces), the DNS name Gantry gives it, the subnets
 * and security groups it was created with (recorded and shown back, not acted on), and its attributes (every
 * attribute ELBv2 describes for its type, defaults included; keys in order).
 */
public record LoadBalancer(
        String arn,
        String name,
        String type,
        String scheme,
        String ipAddressType,
        String dnsName,
        List<String> subnets,
        List<String> securityGroups,
        Map<String, String> attributes,
        Instant createdAt) {
    public static final String APPLICATION = "application";
    public static final String NETWORK = "network";
    public static final String INTERNAL = "internal";
    public static final String INTERNET_FACING = "internet-facing";

    public LoadBalancer {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ipAddressType, "ipAddressType");
        Objects.requireNonNull(dnsName, "dnsName");
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
        attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
        Objects.requireNonNull(createdAt, "createdAt");
        if (!type.equals(APPLICATION) && !type.equals(NETWORK)) {
            throw new IllegalArgumentException("type must be application or network: " + type);
        }
        if (!scheme.equals(INTERNAL) && !scheme.equals(INTERNET_FACING)) {
            throw new IllegalArgumentException("scheme must be internal or internet-facing: " + scheme);
        }
    }

    public LoadBalancer withAttributes(Map<String, String> changed) {
        return new LoadBalancer(
                arn, name, type, scheme, ipAddressType, dnsName, subnets, securityGroups, changed, createdAt);
    }

    /** Whether DeleteLoadBalancer is refused ({@code deletion_protection.enabled}). */
    public boolean deletionProtected() {
        return "true".equals(attributes.get("deletion_protection.enabled"));
    }

    public boolean isApplication() {
        return type.equals(APPLICATION);
    }

    /** The address its listeners bind: loopback for {@code internal}, every interface for {@code internet-facing}. */
    public String bindAddress() {
        return scheme.equals(INTERNAL) ? "127.0.0.1" : "0.0.0.0";
    }
}
