package dev.gantry.core.servicediscovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A service's DNS records: the types its instances are published under, with TTLs, and the routing policy. */
public record DnsConfig(RoutingPolicy routingPolicy, List<DnsRecord> records) {
    public DnsConfig {
        Objects.requireNonNull(routingPolicy, "routingPolicy");
        records = List.copyOf(records);
    }

    public Optional<DnsRecord> record(RecordType type) {
        return records.stream().filter(r -> r.type() == type).findFirst();
    }

    public boolean has(RecordType type) {
        return record(type).isPresent();
    }

    public DnsConfig withRecords(List<DnsRecord> newRecords) {
        return new DnsConfig(routingPolicy, newRecords);
    }
}
