package dev.gantry.control.dns;

import dev.gantry.control.discovery.DiscoverySnapshot;
import dev.gantry.control.discovery.DiscoveryView;
import dev.gantry.core.servicediscovery.NamespaceType;
import dev.gantry.core.servicediscovery.RecordType;
import java.util.List;

/**
 * {@link DiscoveryZones} over Cloud Map's {@link DiscoveryView}: each private DNS namespace with its SOA TTL, each DNS service with its routing policy and A/SRV TTLs, and only the instances DNS answers with (HEALTHY,
 * or UNKNOWN where the service has no health checking). AAAA and CNAME records are not served (IPv4 only).
 *
 * <p>Public DNS namespaces are left out: on AWS they resolve only where the real domain is delegated to Route 53, which
 * a Gantry namespace never is, and answering them to tasks would let a namespace named e.g. {@code github.com}
 * hijack that domain for every task. Their names go to the host's resolver like any other name.
 */
public final class CloudMapZones implements DiscoveryZones {
    private final DiscoveryView view;

    public CloudMapZones(DiscoveryView view) {
        this.view = view;
    }

    @Override
    public List<Namespace> namespaces() {
        return translate(view.snapshot());
    }

    static List<Namespace> translate(DiscoverySnapshot snapshot) {
        return snapshot.namespaces().stream()
                .filter(ns -> ns.type() == NamespaceType.DNS_PRIVATE)
                .map(ns -> new Namespace(
                        ns.name(),
                        ns.soaTtl(),
                        ns.services().stream()
                                .map(s -> new Service(
                                        s.name(),
                                        s.routingPolicy().name(),
                                        s.ttl(RecordType.A),
                                        s.ttl(RecordType.SRV),
                                        s.healthy().stream()
                                                .map(e -> new Instance(e.instanceId(), e.ipv4(), e.port()))
                                                .toList()))
                                .toList()))
                .toList();
    }
}
