package dev.gantry.control.discovery;

import dev.gantry.core.servicediscovery.DnsRecord;
import dev.gantry.core.servicediscovery.HealthStatus;
import dev.gantry.core.servicediscovery.NamespaceType;
import dev.gantry.core.servicediscovery.RecordType;
import dev.gantry.core.servicediscovery.RoutingPolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a DNS server needs to answer for Cloud Map, immutable: the DNS namespaces (name, VPC, SOA TTL), their
 * services published in DNS (name, records with TTLs, routing policy) and each service's instances (addresses,
 * port, health). Built off the hot path ({@link DiscoveryView#snapshot()}); the DNS data plane answers from it alone.
 */
public record DiscoverySnapshot(List<DnsNamespace> namespaces) {
    public DiscoverySnapshot {
        namespaces = List.copyOf(namespaces);
    }

    /** A DNS namespace: {@code vpcId} for a private one (resolvable from that VPC's subnets only). */
    public record DnsNamespace(
            String id, String name, NamespaceType type, Optional<String> vpcId, long soaTtl, List<DnsName> services) {
        public DnsNamespace {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(vpcId, "vpcId");
            services = List.copyOf(services);
        }
    }

    /** A service published as {@code name.namespace}: its record types and TTLs, and its instances. */
    public record DnsName(
            String serviceId,
            String name,
            RoutingPolicy routingPolicy,
            List<DnsRecord> records,
            List<Endpoint> endpoints) {
        public DnsName {
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(routingPolicy, "routingPolicy");
            records = List.copyOf(records);
            endpoints = List.copyOf(endpoints);
        }

        /** The TTL of {@code type}'s records, if the service publishes that type. */
        public Optional<Long> ttl(RecordType type) {
            return records.stream()
                    .filter(r -> r.type() == type)
                    .map(DnsRecord::ttl)
                    .findFirst();
        }

        /** The instances DNS answers with: HEALTHY, or UNKNOWN for a service without health checking. */
        public List<Endpoint> healthy() {
            return endpoints.stream().filter(e -> e.health().servesTraffic()).toList();
        }
    }

    /** One registered instance as DNS sees it (AWS_INSTANCE_IPV4 / IPV6 / PORT / CNAME attributes, health). */
    public record Endpoint(
            String instanceId,
            Optional<String> ipv4,
            Optional<String> ipv6,
            Optional<Integer> port,
            Optional<String> cname,
            HealthStatus health) {
        public Endpoint {
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(ipv4, "ipv4");
            Objects.requireNonNull(ipv6, "ipv6");
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(cname, "cname");
            Objects.requireNonNull(health, "health");
        }
    }
}
