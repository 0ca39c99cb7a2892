package dev.gantry.control.firewall;

import dev.gantry.core.ec2.SecurityGroupRule;
import java.util.Optional;

/**
 * Pure: what a rule's protocol and ports are, in iptables match arguments and in {@code gantry net}'s words, and
 * the overlap of two rules' protocol and ports (what both a client's egress and a server's ingress allow).
 * EC2's protocol may be a name or its number ({@code 6} = tcp, {@code 17} = udp, {@code 1} = icmp, {@code -1} =
 * all); for ICMP {@code fromPort} is the type and {@code toPort} the code ({@code -1}: any).
 */
final class Matches {
    private Matches() {}

    /** The protocol's name as iptables knows it, or {@code all}. */
    static String protocol(String ipProtocol) {
        return switch (ipProtocol.toLowerCase(java.util.Locale.ROOT)) {
            case "-1", "all" -> "all";
            case "6", "tcp" -> "tcp";
            case "17", "udp" -> "udp";
            case "1", "icmp" -> "icmp";
            default -> ipProtocol;
        };
    }

    /** {@code -p tcp -m tcp --dport 8080} and the like; empty for all traffic. */
    static String iptables(SecurityGroupRule r) {
        String p = protocol(r.ipProtocol());
        return switch (p) {
            case "all" -> "";
            case "tcp", "udp" ->
                ports(r).map(ports -> " -p " + p + " -m " + p + " --dport " + ports.replace('-', ':'))
                        .orElse(" -p " + p);
            case "icmp" ->
                r.fromPort() < 0
                        ? " -p icmp"
                        : " -p icmp -m icmp --icmp-type " + r.fromPort() + (r.toPort() < 0 ? "" : "/" + r.toPort());
            default -> " -p " + p;
        };
    }

    /** {@code 8080} or {@code 8000-8099} for tcp/udp; empty for all ports. */
    static Optional<String> ports(SecurityGroupRule r) {
        if (r.fromPort() < 0 || (r.fromPort() == 0 && r.toPort() == 65535)) {
            return Optional.empty();
        }
        int to = r.toPort() < r.fromPort() ? r.fromPort() : r.toPort();
        return Optional.of(r.fromPort() == to ? Integer.toString(to) : r.fromPort() + "-" + to);
    }

    /** What both rules allow, as {@link Reach}'s protocol and ports; empty when they have nothing in common. */
    static Optional<String[]> overlap(SecurityGroupRule a, SecurityGroupRule b) {
        String pa = protocol(a.ipProtocol());
        String pb = protocol(b.ipProtocol());
        if (pa.equals("all")) {
            return Optional.of(describe(b));
        }
        if (pb.equals("all")) {
            return Optional.of(describe(a));
        }
        if (!pa.equals(pb)) {
            return Optional.empty();
        }
        if (!pa.equals("tcp") && !pa.equals("udp")) {
            return Optional.of(describe(a.fromPort() < 0 ? b : a));
        }
        int[] ra = range(a);
        int[] rb = range(b);
        int from = Math.max(ra[0], rb[0]);
        int to = Math.min(ra[1], rb[1]);
        if (from > to) {
            return Optional.empty();
        }
        String ports = from == 0 && to == 65535 ? "all" : from == to ? Integer.toString(from) : from + "-" + to;
        return Optional.of(new String[] {pa, ports});
    }

    private static String[] describe(SecurityGroupRule r) {
        String p = protocol(r.ipProtocol());
        return switch (p) {
            case "all" -> new String[] {"all", "all"};
            case "tcp", "udp" -> new String[] {p, ports(r).orElse("all")};
            case "icmp" -> new String[] {"icmp", r.fromPort() < 0 ? "all" : "type " + r.fromPort()};
            default -> new String[] {p, "all"};
        };
    }

    private static int[] range(SecurityGroupRule r) {
        if (r.fromPort() < 0) {
            return new int[] {0, 65535};
        }
        return new int[] {r.fromPort(), Math.max(r.fromPort(), r.toPort())};
    }

    /** True when the IPv4 address is inside the CIDR block. */
    static boolean contains(String cidr, String address) {
        int slash = cidr.indexOf('/');
        String base = slash < 0 ? cidr : cidr.substring(0, slash);
        int bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(base) & mask) == (ipv4(address) & mask);
    }

    /** The address as an unsigned 32-bit number (for ordering and containment). */
    static long ipv4(String address) {
        String[] parts = address.split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + address);
        }
        long v = 0;
        for (String p : parts) {
            v = (v << 8) | Integer.parseInt(p);
        }
        return v;
    }
}
