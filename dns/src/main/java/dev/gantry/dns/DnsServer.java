package dev.gantry.dns;

import dev.gantry.dns.net.ClientCounts;
import dev.gantry.dns.net.Forwarder;
import dev.gantry.dns.net.Listeners;
import dev.gantry.dns.net.Queries;
import dev.gantry.dns.net.SourceRanges;
import dev.gantry.dns.net.Transport;
import dev.gantry.dns.table.DnsTable;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gantry's DNS server. Give it a whole {@link DnsTable} with {@link #apply} (swapped in with one volatile write: a
 * query sees one table); open a UDP+TCP listener per address with {@link #listen} (one per task network gateway),
 * answering only clients inside the ranges it is given (REFUSED, or a closed connection, for others; {@link #allow}
 * replaces them). TCP connections are capped per client and in total, forwards per client ({@link DnsOptions#limits}).
 * Queries are answered on the I/O threads without blocking.
 *
 * <pre>{@code
 * try (DnsServer dns = DnsServer.start(DnsOptions.host())) {
 *     InetSocketAddress at = dns.listen("172.18.0.1", 0, List.of("172.18.0.0/16"));
 *     dns.apply(new DnsTable(List.of(new Zone("local", List.of(RecordSet.a("backend.local",
 *             List.of("172.18.0.5"), 60, Routing.MULTIVALUE)))), 2));
 * }
 * }</pre>
 */
public final class DnsServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DnsServer.class);

    /** The UDP and TCP listeners of one address (same port when it was free for both). */
    public record Binding(InetSocketAddress udp, InetSocketAddress tcp) {}

    private record Bound(Binding binding, Channel udp, Channel tcp, Listeners.Access access) {}

    private final DnsOptions options;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Forwarder forwarder;
    private final Queries queries;
    private final ClientCounts connections;
    private final Map<String, Bound> bound = new ConcurrentHashMap<>();
    private volatile DnsTable table = DnsTable.empty();
    private volatile DnsTable.Index index = table.index();

    private DnsServer(DnsOptions options) {
        this.options = options;
        this.acceptor = Transport.group(1, "gantry-dns-accept");
        this.workers = Transport.group(options.ioThreads(), "gantry-dns-io");
        this.forwarder = new Forwarder(options.upstreams(), options.forwardTimeout(), workers, options.limits());
        this.connections = new ClientCounts(
                options.limits().tcpConnections(), options.limits().tcpConnectionsPerClient());
        this.queries = new Queries(() -> index, options.view(), forwarder);
    }

    public static DnsServer start(DnsOptions options) {
        DnsServer server = new DnsServer(options);
        LOG.atInfo()
                .addKeyValue("upstreams", options.upstreams())
                .addKeyValue("transport", Transport.name())
                .log(
                        options.upstreams().isEmpty()
                                ? "DNS server started; no upstream resolver: names outside Gantry's zones get SERVFAIL"
                                : "DNS server started");
        return server;
    }

    /** Swaps in {@code next} whole; queries already answered keep the table they saw. */
    public void apply(DnsTable next) {
        DnsTable.Index built = next.index();
        table = next;
        index = built;
    }

    public DnsTable table() {
        return table;
    }

    public List<InetSocketAddress> upstreams() {
        return forwarder.upstreams();
    }

    /**
     * Opens UDP and TCP listeners on {@code host} ({@code port} 0: a free one, the same for both when possible),
     * answering clients inside {@code clients} (IPv4 CIDRs) only; when {@code host} has them already, they answer
     * {@code clients} from now on. Throws {@link IllegalArgumentException} for a malformed CIDR.
     */
    public Binding listen(String host, int port, List<String> clients) {
        SourceRanges ranges = SourceRanges.of(clients);
        Bound b = bound.computeIfAbsent(host, h -> open(h, port, ranges));
        b.access().set(ranges);
        return b.binding();
    }

    /** Replaces the client ranges {@code host}'s listeners answer; false when it has none. */
    public boolean allow(String host, List<String> clients) {
        SourceRanges ranges = SourceRanges.of(clients);
        Bound b = bound.get(host);
        if (b == null) {
            return false;
        }
        b.access().set(ranges);
        LOG.atInfo().addKeyValue("host", host).addKeyValue("clients", ranges).log("DNS clients allowed");
        return true;
    }

    private Bound open(String host, int port, SourceRanges ranges) {
        Listeners.Access access = new Listeners.Access(ranges);
        Channel udp = Listeners.udp(workers, new InetSocketAddress(host, port), queries, access);
        InetSocketAddress udpAt = (InetSocketAddress) udp.localAddress();
        Channel tcp;
        try {
            tcp = Listeners.tcp(acceptor, workers, udpAt, queries, access, connections);
        } catch (Exception taken) { // Netty rethrows the bind's IOException unchecked
            if (port != 0) {
                udp.close();
                throw new IllegalStateException("cannot listen for DNS over TCP on " + udpAt + ": " + taken, taken);
            }
            tcp = Listeners.tcp(acceptor, workers, new InetSocketAddress(host, 0), queries, access, connections);
        }
        Binding b = new Binding(udpAt, (InetSocketAddress) tcp.localAddress());
        LOG.atInfo()
                .addKeyValue("udp", b.udp())
                .addKeyValue("tcp", b.tcp())
                .addKeyValue("clients", ranges)
                .log("DNS listening");
        return new Bound(b, udp, tcp, access);
    }

    /** Closes the listeners of {@code host}, if it has any. */
    public void stopListening(String host) {
        Bound b = bound.remove(host);
        if (b != null) {
            b.udp().close().syncUninterruptibly();
            b.tcp().close().syncUninterruptibly();
        }
    }

    public Optional<Binding> binding(String host) {
        return Optional.ofNullable(bound.get(host)).map(Bound::binding);
    }

    public DnsOptions options() {
        return options;
    }

    @Override
    public void close() {
        for (String host : List.copyOf(bound.keySet())) {
            stopListening(host);
        }
        forwarder.close();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
