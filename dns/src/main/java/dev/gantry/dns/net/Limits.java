package dev.gantry.dns.net;

/**
 * What one client, and all of them, may hold of the DNS server: TCP connections open, forwards waiting for an
 * upstream reply; and the largest EDNS UDP payload size asked of an upstream on a client's behalf.
 */
public record Limits(
        int tcpConnections, int tcpConnectionsPerClient, int pending, int pendingPerClient, int ednsUdpSize) {
    /** 1232 bytes: the DNS Flag Day 2020 payload size, fragment-free on any common path. */
    public static final int SAFE_EDNS_UDP_SIZE = 1232;

    /** Room for a few hundred tasks each resolving through several connections and forwards at once. */
    public static final Limits DEFAULT = new Limits(1024, 32, 8192, 256, SAFE_EDNS_UDP_SIZE);

    public Limits {
        if (tcpConnections < 1 || tcpConnectionsPerClient < 1 || tcpConnectionsPerClient > tcpConnections) {
            throw new IllegalArgumentException("TCP connection limits must be 1 <= per client <= total: "
                    + tcpConnectionsPerClient + ", " + tcpConnections);
        }
        if (pending < 1 || pendingPerClient < 1 || pendingPerClient > pending || pending > 60_000) {
            throw new IllegalArgumentException(
                    "pending limits must be 1 <= per client <= total <= 60000: " + pendingPerClient + ", " + pending);
        }
        if (ednsUdpSize < 512 || ednsUdpSize > 65_535) {
            throw new IllegalArgumentException("ednsUdpSize must be 512..65535: " + ednsUdpSize);
        }
    }
}
