package dev.gantry.control.discovery;

import dev.gantry.core.servicediscovery.DiscoveryService;
import dev.gantry.core.servicediscovery.Instance;
import dev.gantry.core.servicediscovery.Namespace;
import dev.gantry.store.servicediscovery.CloudMapStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link DiscoveryView} over the Cloud Map store: three reads per snapshot; {@link CloudMap} calls {@link #changed}. */
public final class StoreDiscoveryView implements DiscoveryView {
    private static final Logger LOG = LoggerFactory.getLogger(StoreDiscoveryView.class);

    private final CloudMapStore store;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public StoreDiscoveryView(CloudMapStore store) {
        this.store = store;
    }

    @Override
    public DiscoverySnapshot snapshot() {
        List<Namespace> namespaces = store.namespaces();
        Map<String, List<Instance>> byService = new HashMap<>();
        for (Instance i : store.allInstances()) {
            byService.computeIfAbsent(i.serviceId(), k -> new ArrayList<>()).add(i);
        }
        Map<String, List<DiscoverySnapshot.DnsName>> byNamespace = new HashMap<>();
        for (DiscoveryService s : store.services()) {
            if (s.dnsConfig().isEmpty()) {
                continue;
            }
            List<DiscoverySnapshot.Endpoint> endpoints = byService.getOrDefault(s.id(), List.of()).stream()
                    .map(StoreDiscoveryView::endpoint)
                    .toList();
            byNamespace
                    .computeIfAbsent(s.namespaceId(), k -> new ArrayList<>())
                    .add(new DiscoverySnapshot.DnsName(
                            s.id(),
                            s.name(),
                            s.dnsConfig().get().routingPolicy(),
                            s.dnsConfig().get().records(),
                            endpoints));
        }
        List<DiscoverySnapshot.DnsNamespace> out = new ArrayList<>();
        for (Namespace ns : namespaces) {
            if (!ns.type().isDns()) {
                continue;
            }
            out.add(new DiscoverySnapshot.DnsNamespace(
                    ns.id(),
                    ns.name(),
                    ns.type(),
                    ns.vpc(),
                    ns.soaTtl().orElse(Namespace.DEFAULT_SOA_TTL),
                    byNamespace.getOrDefault(ns.id(), List.of())));
        }
        return new DiscoverySnapshot(out);
    }

    private static DiscoverySnapshot.Endpoint endpoint(Instance i) {
        Optional<Integer> port = i.attribute(Instance.PORT).flatMap(p -> {
            try {
                return Optional.of(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
        return new DiscoverySnapshot.Endpoint(
                i.instanceId(),
                i.attribute(Instance.IPV4),
                i.attribute(Instance.IPV6),
                port,
                i.attribute(Instance.CNAME),
                i.health());
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Called after a committed change: tells every listener (a failing one is logged, the others still hear). */
    void changed() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.atWarn().setCause(e).log("a Cloud Map change listener failed");
            }
        }
    }
}
