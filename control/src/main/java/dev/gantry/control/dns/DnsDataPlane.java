package dev.gantry.control.dns;

import dev.gantry.control.discovery.DiscoveryView;
import dev.gantry.dns.DnsOptions;
import dev.gantry.dns.DnsServer;
import dev.gantry.dns.answer.ClientView;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the DNS server and keeps its table current: {@link #changed()} (the nudge after a committed Cloud Map change,
 * or an instance's health change) schedules one rebuild from {@link DiscoveryZones} on this plane's own thread;
 * nudges arriving meanwhile coalesce into the next. A resync every {@code resync} catches a missed nudge. The server
 * answers from the last table throughout: its hot path never waits for a rebuild or the store.
 */
public final class DnsDataPlane implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsDataPlane.class);
    public static final Duration DEFAULT_RESYNC = Duration.ofSeconds(5);

    /** Where a listener opened: the UDP and TCP ports on one address. */
    public record Listening(String host, int udpPort, int tcpPort) {}

    private final DnsServer server;
    private volatile DiscoveryZones zones;
    private final ScheduledExecutorService rebuilder;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final AtomicLong serial = new AtomicLong(1);

    private DnsDataPlane(DnsServer server, DiscoveryZones zones, Duration resync) {
        this.server = server;
        this.zones = zones;
        this.rebuilder = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("gantry-dns-tables").factory());
        rebuild();
        rebuilder.scheduleWithFixedDelay(this::changed, resync.toMillis(), resync.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** As below, without a per-client view, resyncing every {@link #DEFAULT_RESYNC}. */
    public static DnsDataPlane start(Optional<List<InetSocketAddress>> upstreams, DiscoveryZones zones) {
        return start(upstreams, zones, ClientView.NONE, DEFAULT_RESYNC);
    }

    /**
     * Starts the server forwarding to {@code upstreams} (empty: the host's {@code /etc/resolv.conf} nameservers) and
     * fed from {@code zones}, with {@code view} consulted first for each client.
     */
    public static DnsDataPlane start(
            Optional<List<InetSocketAddress>> upstreams, DiscoveryZones zones, ClientView view, Duration resync) {
        DnsOptions options = DnsOptions.host().withView(view);
        if (upstreams.isPresent()) {
            options = options.withUpstreams(upstreams.get());
        }
        return new DnsDataPlane(DnsServer.start(options), zones, resync);
    }

    /** Feeds the table from {@code source} from now on (wiring connects Cloud Map's seam once it exists); rebuilds. */
    public void feedFrom(DiscoveryZones source) {
        zones = source;
        changed();
    }

    /** Feeds the table from Cloud Map's {@code view} and rebuilds it after each committed Cloud Map change. */
    public void follow(DiscoveryView view) {
        view.onChange(this::changed);
        feedFrom(new CloudMapZones(view));
    }

    /** The nudge: rebuild the table soon (coalesced). */
    public void changed() {
        if (dirty.compareAndSet(false, true)) {
            rebuilder.execute(this::rebuild);
        }
    }

    private void rebuild() {
        dirty.set(false);
        try {
            server.apply(DnsTables.build(zones.namespaces(), serial.incrementAndGet()));
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("error", e.toString()).log("could not rebuild the DNS table; keeping the last");
        }
    }

    /**
     * Opens (or finds) the UDP and TCP listeners on {@code host}, e.g. a task network's gateway, answering clients in
     * {@code clients} (CIDRs: the task subnets it serves) from now on; others get REFUSED.
     */
    public Listening listen(String host, List<String> clients) {
        DnsServer.Binding b = server.listen(host, 0, clients);
        return new Listening(host, b.udp().getPort(), b.tcp().getPort());
    }

    public void stopListening(String host) {
        server.stopListening(host);
    }

    /** The resolvers names outside Gantry's zones go to (empty: they get SERVFAIL). */
    public List<InetSocketAddress> upstreams() {
        return server.upstreams();
    }

    /** The zones the server answers now. */
    public List<String> zones() {
        return server.table().zones().stream().map(z -> z.name()).toList();
    }

    @Override
    public void close() {
        rebuilder.shutdownNow();
        server.close();
    }
}
