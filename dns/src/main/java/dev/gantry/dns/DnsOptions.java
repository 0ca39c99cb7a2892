package dev.gantry.dns;

import dev.gantry.dns.answer.ClientView;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the DNS server runs: the resolvers it forwards to (in order), how long it waits for each, its I/O threads, and
 * the per-client view consulted before the table.
 */
public record DnsOptions(List<InetSocketAddress> upstreams, Duration forwardTimeout, int ioThreads, ClientView view) {
    /** A stub resolver's patience per server, shorter than glibc's 5 s so one dead server costs a client less. */
    public static final Duration DEFAULT_FORWARD_TIMEOUT = Duration.ofSeconds(2);

    public DnsOptions {
        upstreams = List.copyOf(upstreams);
        Objects.requireNonNull(view, "view");
        if (forwardTimeout.isNegative() || forwardTimeout.isZero()) {
            throw new IllegalArgumentException("forwardTimeout must be positive: " + forwardTimeout);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1: " + ioThreads);
        }
    }

    /** Forwarding to the host's resolvers ({@code /etc/resolv.conf}), one I/O thread, no client view. */
    public static DnsOptions host() {
        return new DnsOptions(ResolvConf.nameservers(ResolvConf.HOST), DEFAULT_FORWARD_TIMEOUT, 1, ClientView.NONE);
    }

    public DnsOptions withUpstreams(List<InetSocketAddress> values) {
        return new DnsOptions(values, forwardTimeout, ioThreads, view);
    }

    public DnsOptions withForwardTimeout(Duration value) {
        return new DnsOptions(upstreams, value, ioThreads, view);
    }

    public DnsOptions withView(ClientView value) {
        return new DnsOptions(upstreams, forwardTimeout, ioThreads, value);
    }
}
