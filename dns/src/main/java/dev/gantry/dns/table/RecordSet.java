package dev.gantry.dns.table;

import java.util.List;
import java.util.Objects;

/**
 * The records of one name: its IPv4 addresses (A) and SRV values, both only of healthy instances, with one TTL in
 * seconds (Cloud Map's DnsConfig gives one per record type; Gantry's feeder passes the A TTL for both when they
 * differ only if it must — see {@code srvTtl}) and the routing that decides how many of them one answer carries.
 */
public record RecordSet(String name, List<String> ipv4, List<Srv> srv, long ttl, long srvTtl, Routing routing) {
    /** The largest TTL DNS can carry (RFC 2181: 2^31 - 1). */
    public static final long MAX_TTL = 2_147_483_647L;

    public RecordSet {
        name = Names.checked(name, "record name");
        ipv4 = List.copyOf(ipv4);
        srv = List.copyOf(srv);
        Objects.requireNonNull(routing, "routing");
        ttl(ttl);
        ttl(srvTtl);
        for (String ip : ipv4) {
            address(ip);
        }
    }

    /** A name with A records only. */
    public static RecordSet a(String name, List<String> ipv4, long ttl, Routing routing) {
        return new RecordSet(name, ipv4, List.of(), ttl, ttl, routing);
    }

    /** A name with SRV records only. */
    public static RecordSet srv(String name, List<Srv> srv, long ttl, Routing routing) {
        return new RecordSet(name, List.of(), srv, ttl, ttl, routing);
    }

    public boolean isEmpty() {
        return ipv4.isEmpty() && srv.isEmpty();
    }

    /** The 4 bytes of a dotted IPv4 literal (parsed by hand: this runs per answered record); never a lookup. */
    public static byte[] address(String ip) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        for (int i = 0; i <= ip.length(); i++) {
            char c = i < ip.length() ? ip.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (value > 255) {
                    throw new IllegalArgumentException("not an IPv4 address: " + ip);
                }
            } else if (c == '.' && value >= 0 && part < 4) {
                out[part++] = (byte) value;
                value = -1;
            } else {
                throw new IllegalArgumentException("not an IPv4 address: " + ip);
            }
        }
        if (part != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ip);
        }
        return out;
    }

    private static void ttl(long ttl) {
        if (ttl < 0 || ttl > MAX_TTL) {
            throw new IllegalArgumentException("TTL must be 0-" + MAX_TTL + " seconds: " + ttl);
        }
    }
}
