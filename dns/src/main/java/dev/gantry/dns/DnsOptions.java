package dev.gantry.dns;

import dev.gantry.dns.answer.ClientView;
import dev.gantry.dns.net.Limits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the DNS server runs: the resolvers it forwards to (in order), how long it waits for each, its I/O threads, and
 * the per-client view consulted before the table, and what each client may hold of it ({@link Limits}).
 */
public record DnsOptions(
        List<InetSocketAddress> upstreams, Duration forwardTimeout, int ioThreads, ClientView view, Limits limits) {
    /** A stub resolver's patience per server, shorter than glibc's 5 s so one dead server costs a client less. */
    public static final Duration DEFAULT_FORWARD_TIMEOUT = Duration.ofSeconds(2);

    public DnsOptions {
        upstreams = List.copyOf(upstreams);
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(limits, "limits");
        if (forwardTimeout.isNegative() || forwardTimeout.isZero()) {
            throw new IllegalArgumentException("forwardTimeout must be positive: " + forwardTimeout);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
    }

    /** With {@link Limits#DEFAULT}. */
    public DnsOptions(List<InetSocketAddress> upstreams, Duration forwardTimeout, int ioThreads, ClientView view) {
        this(upstreams, forwardTimeout, ioThreads, view, Limits.DEFAULT);
    }

    /** Forwarding to the host's resolvers ({@code /etc/resolv.conf}), one I/O thread, no client view. */
    public static DnsOptions host() {
        return new DnsOptions(ResolvConf.nameservers(ResolvConf.HOST), DEFAULT_FORWARD_TIMEOUT, 1, ClientView.NONE);
    }

    public DnsOptions withUpstreams(List<InetSocketAddress> values) {
        return new DnsOptions(values, forwardTimeout, ioThreads, view, limits);
    }

    public DnsOptions withForwardTimeout(Duration value) {
        return new DnsOptions(upstreams, value, ioThreads, view, limits);
    }

    public DnsOptions withView(ClientView value) {
        return new DnsOptions(upstreams, forwardTimeout, ioThreads, value, limits);
    }

    public DnsOptions withLimits(Limits value) {
        return new DnsOptions(upstreams, forwardTimeout, ioThreads, view, value);
    }
}
