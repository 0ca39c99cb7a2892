package dev.gantry.control.dns;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The read seam over Cloud Map the DNS server is fed from: every DNS namespace (private or public) with its services
 * and, per service, its DNS configuration and only its HEALTHY instances, read at once. Implemented over Cloud Map's
 * store by the cloudmap slice; {@link #NONE} until it is wired.
 */
@FunctionalInterface
public interface DiscoveryZones {
    /** No namespaces: every name is forwarded. */
    DiscoveryZones NONE = List::of;

    List<Namespace> namespaces();

    /** A DNS namespace ({@code local}); {@code soaTtl} its SOA's TTL (Cloud Map: 15 s unless set). */
    record Namespace(String name, long soaTtl, List<Service> services) {
        public Namespace {
            Objects.requireNonNull(name, "name");
            services = List.copyOf(services);
        }
    }

    /**
     * A service of a namespace with its DnsConfig: {@code routingPolicy} MULTIVALUE or WEIGHTED, the TTL of its A
     * record and of its SRV record when it has them, and its healthy instances.
     */
    record Service(
            String name, String routingPolicy, Optional<Long> aTtl, Optional<Long> srvTtl, List<Instance> healthy) {
        public Service {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(routingPolicy, "routingPolicy");
            healthy = List.copyOf(healthy);
        }
    }

    /** A healthy instance: its id, AWS_INSTANCE_IPV4 and AWS_INSTANCE_PORT when it has them. */
    record Instance(String id, Optional<String> ipv4, Optional<Integer> port) {
        public Instance {
            Objects.requireNonNull(id, "id");
        }
    }
}
