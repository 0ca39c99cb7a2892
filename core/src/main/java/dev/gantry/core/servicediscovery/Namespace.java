package dev.gantry.core.servicediscovery;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cloud Map namespace. {@code vpc} is present for DNS_PRIVATE only; {@code soaTtl} for DNS namespaces (the SOA
 * record's TTL, the negative-caching TTL); {@code hostedZoneId} is the (Gantry-made) id of its DNS zone.
 */
public record Namespace(
        String id,
        String arn,
        String name,
        NamespaceType type,
        Optional<String> description,
        Optional<String> vpc,
        Optional<Long> soaTtl,
        Optional<String> creatorRequestId,
        Instant createdAt) {
    /** Route 53's default SOA TTL for a namespace created without one. */
    public static final long DEFAULT_SOA_TTL = 15;

    public Namespace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(soaTtl, "soaTtl");
        Objects.requireNonNull(creatorRequestId, "creatorRequestId");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((type == NamespaceType.DNS_PRIVATE) != vpc.isPresent()) {
            throw new IllegalArgumentException("a VPC belongs to a DNS_PRIVATE namespace, and only to one");
        }
    }

    /** The DNS zone's id (Route 53's hosted zone), derived from the namespace id. */
    public Optional<String> hostedZoneId() {
        return type.isDns() ? Optional.of("Z" + id.substring(3).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    public Namespace withDescription(Optional<String> d) {
        return new Namespace(id, arn, name, type, d, vpc, soaTtl, creatorRequestId, createdAt);
    }

    public Namespace withSoaTtl(Optional<Long> ttl) {
        return new Namespace(id, arn, name, type, description, vpc, ttl, creatorRequestId, createdAt);
    }
}
