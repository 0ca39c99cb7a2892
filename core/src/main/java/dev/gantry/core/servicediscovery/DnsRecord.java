package dev.gantry.core.servicediscovery;

import java.util.Objects;

/** One record type a service's instances are published under, with its TTL in seconds. */
public record DnsRecord(RecordType type, long ttl) {
    public DnsRecord {
        Objects.requireNonNull(type, "type");
        if (ttl < 0 || ttl > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("TTL out of range: " + ttl);
        }
    }
}
