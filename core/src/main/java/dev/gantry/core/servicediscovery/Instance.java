package dev.gantry.core.servicediscovery;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A registered instance of a service: its id, its attributes (AWS_INSTANCE_IPV4, custom ones...) and its health. */
public record Instance(
        String serviceId,
        String instanceId,
        Map<String, String> attributes,
        Optional<String> creatorRequestId,
        HealthStatus health,
        Instant registeredAt) {
    public static final String IPV4 = "AWS_INSTANCE_IPV4";
    public static final String IPV6 = "AWS_INSTANCE_IPV6";
    public static final String PORT = "AWS_INSTANCE_PORT";
    public static final String CNAME = "AWS_INSTANCE_CNAME";
    public static final String INIT_HEALTH = "AWS_INIT_HEALTH_STATUS";
    public static final String ALIAS_DNS_NAME = "AWS_ALIAS_DNS_NAME";
    public static final String EC2_INSTANCE_ID = "AWS_EC2_INSTANCE_ID";

    public Instance {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(instanceId, "instanceId");
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
        Objects.requireNonNull(creatorRequestId, "creatorRequestId");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    public Instance withHealth(HealthStatus h) {
        return new Instance(serviceId, instanceId, attributes, creatorRequestId, h, registeredAt);
    }
}
