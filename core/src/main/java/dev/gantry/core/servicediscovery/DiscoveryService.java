package dev.gantry.core.servicediscovery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cloud Map service: a name in a namespace its instances are registered under. {@code dnsConfig} is present when
 * the service is published in DNS; {@code type} is Cloud Map's (HTTP, DNS_HTTP, DNS).
 */
public record DiscoveryService(
        String id,
        String arn,
        String namespaceId,
        String name,
        Optional<String> description,
        Optional<DnsConfig> dnsConfig,
        HealthCheck healthCheck,
        String type,
        Optional<String> creatorRequestId,
        Instant createdAt) {
    public DiscoveryService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(namespaceId, "namespaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(dnsConfig, "dnsConfig");
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(creatorRequestId, "creatorRequestId");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean customHealth() {
        return healthCheck instanceof HealthCheck.Custom;
    }

    public DiscoveryService withChange(
            Optional<String> newDescription, Optional<DnsConfig> newDns, HealthCheck newHealth) {
        return new DiscoveryService(
                id, arn, namespaceId, name, newDescription, newDns, newHealth, type, creatorRequestId, createdAt);
    }
}
