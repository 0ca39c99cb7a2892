package dev.gantry.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Pure: who may open what to whom, from what DescribeSecurityGroups and DescribeNetworkInterfaces say, as Gantry
 * enforces it (ADR 0017). A task A may open a port on task B when one of A's egress rules admits B's address and
 * one of B's ingress rules admits A's address, on the protocol and ports both allow. A rule's peer is a CIDR (matched
 * against the address) or a security group (its member tasks' addresses; a group that stands for the host — Gantry's
 * host group or a load balancer's group — means the host, which a task sees as its subnet's gateway address). The
 * host itself is shown as {@link #HOST}: its own egress is not filtered, and Gantry does not filter what reaches it.
 * Reimplemented from control/firewall's planner because the CLI sees only the public API.
 */
final class NetReach {
    /** The name the host goes by in reachability lines. */
    static final String HOST = "host";

    static final String ALL = "all";

    private NetReach() {}

    /** A running task's interface: its name (task id), address, subnet's CIDR (for its gateway) and groups. */
    record Endpoint(String name, String ipv4, String subnetCidr, List<String> groupIds) {
        Endpoint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(ipv4, "ipv4");
            Objects.requireNonNull(subnetCidr, "subnetCidr");
            groupIds = List.copyOf(groupIds);
        }

        String gateway() {
            return NetReach.gateway(subnetCidr);
        }
    }

    /** One rule with one peer: {@code protocol} (all, tcp, udp, icmp, or a number), ports (-1: all). */
    record Rule(String protocol, int fromPort, int toPort, Optional<String> cidr, Optional<String> groupId) {
        Rule {
            protocol = NetReach.protocol(protocol);
            if (cidr.isPresent() == groupId.isPresent()) {
                throw new IllegalArgumentException("a rule has exactly one peer: a CIDR or a group");
            }
        }
    }

    /** One way {@code from} may open a connection to {@code to}. */
    record Reach(String from, String to, String protocol, String ports) {
        String what() {
            if (protocol.equals(ALL)) {
                return "all traffic";
            }
            return protocol + (ports.equals(ALL) ? "" : " " + ports);
        }
    }

    /** EC2's protocol name or number as a name ({@code -1}: all). */
    static String protocol(String ipProtocol) {
        String p = ipProtocol == null ? "-1" : ipProtocol.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "-1", "all" -> ALL;
            case "6", "tcp" -> "tcp";
            case "17", "udp" -> "udp";
            case "1", "icmp" -> "icmp";
            default -> p;
        };
    }

    /** IpPermissions as one rule per peer (CIDRs first, then groups, in the order given). */
    static List<Rule> rules(List<IpPermission> permissions) {
        List<Rule> out = new ArrayList<>();
        for (IpPermission p : permissions) {
            int from = p.fromPort() == null ? -1 : p.fromPort();
            int to = p.toPort() == null ? -1 : p.toPort();
            for (IpRange r : p.ipRanges()) {
                out.add(new Rule(p.ipProtocol(), from, to, Optional.of(r.cidrIp()), Optional.empty()));
            }
            for (UserIdGroupPair g : p.userIdGroupPairs()) {
                out.add(new Rule(p.ipProtocol(), from, to, Optional.empty(), Optional.of(g.groupId())));
            }
        }
        return out;
    }

    /** Every pair of distinct endpoints (and the host both ways) with what the one may open on the other. */
    static List<Reach> reachability(List<Endpoint> tasks, Map<String, SecurityGroup> groups, Set<String> hostGroups) {
        List<Endpoint> ordered =
                tasks.stream().sorted(Comparator.comparing(Endpoint::name)).toList();
        Set<Reach> out = new LinkedHashSet<>();
        for (Endpoint from : ordered) {
            for (Endpoint to : ordered) {
                if (from.name().equals(to.name())) {
                    continue;
                }
                for (Rule e : rules(from, groups, true)) {
                    if (!admits(e, from, to.ipv4(), tasks, hostGroups)) {
                        continue;
                    }
                    for (Rule i : rules(to, groups, false)) {
                        if (admits(i, to, from.ipv4(), tasks, hostGroups)) {
                            overlap(e, i).ifPresent(m -> out.add(new Reach(from.name(), to.name(), m[0], m[1])));
                        }
                    }
                }
            }
        }
        Rule anything = new Rule(ALL, -1, -1, Optional.of("0.0.0.0/0"), Optional.empty());
        for (Endpoint to : ordered) {
            for (Rule i : rules(to, groups, false)) {
                if (admits(i, to, to.gateway(), tasks, hostGroups)) {
                    overlap(anything, i).ifPresent(m -> out.add(new Reach(HOST, to.name(), m[0], m[1])));
                }
            }
        }
        for (Endpoint from : ordered) {
            for (Rule e : rules(from, groups, true)) {
                if (admits(e, from, from.gateway(), tasks, hostGroups)) {
                    overlap(e, anything).ifPresent(m -> out.add(new Reach(from.name(), HOST, m[0], m[1])));
                }
            }
        }
        return List.copyOf(out);
    }

    /** The endpoint's groups' rules of one direction (groups not described: none). */
    static List<Rule> rules(Endpoint e, Map<String, SecurityGroup> groups, boolean egress) {
        List<Rule> out = new ArrayList<>();
        for (String id : e.groupIds()) {
            SecurityGroup g = groups.get(id);
            if (g != null) {
                out.addAll(rules(egress ? g.ipPermissionsEgress() : g.ipPermissions()));
            }
        }
        return out;
    }

    /** Whether the rule's peer, seen from {@code self}, includes {@code address}. */
    static boolean admits(Rule r, Endpoint self, String address, List<Endpoint> tasks, Set<String> hostGroups) {
        if (r.cidr().isPresent()) {
            return contains(r.cidr().get(), address);
        }
        String group = r.groupId().orElseThrow();
        if (hostGroups.contains(group) && address.equals(self.gateway())) {
            return true;
        }
        return tasks.stream()
                .anyMatch(t -> t.ipv4().equals(address) && t.groupIds().contains(group));
    }

    /** What both rules allow: {protocol, ports}; empty when nothing. */
    static Optional<String[]> overlap(Rule a, Rule b) {
        if (a.protocol().equals(ALL)) {
            return Optional.of(describe(b));
        }
        if (b.protocol().equals(ALL)) {
            return Optional.of(describe(a));
        }
        if (!a.protocol().equals(b.protocol())) {
            return Optional.empty();
        }
        if (!a.protocol().equals("tcp") && !a.protocol().equals("udp")) {
            return Optional.of(describe(a.fromPort() < 0 ? b : a));
        }
        int from = Math.max(low(a), low(b));
        int to = Math.min(high(a), high(b));
        if (from > to) {
            return Optional.empty();
        }
        return Optional.of(new String[] {a.protocol(), ports(from, to)});
    }

    /** {@code tcp 8080}, {@code udp 53-60}, {@code all traffic}, {@code icmp type 8}: a rule's protocol and ports. */
    static String words(Rule r) {
        String[] d = describe(r);
        return new Reach("", "", d[0], d[1]).what();
    }

    private static String[] describe(Rule r) {
        return switch (r.protocol()) {
            case ALL -> new String[] {ALL, ALL};
            case "tcp", "udp" -> new String[] {r.protocol(), ports(low(r), high(r))};
            case "icmp" -> new String[] {"icmp", r.fromPort() < 0 ? ALL : "type " + r.fromPort()};
            default -> new String[] {r.protocol(), ALL};
        };
    }

    private static String ports(int from, int to) {
        return from == 0 && to == 65535 ? ALL : from == to ? Integer.toString(from) : from + "-" + to;
    }

    private static int low(Rule r) {
        return r.fromPort() < 0 ? 0 : r.fromPort();
    }

    private static int high(Rule r) {
        return r.fromPort() < 0 ? 65535 : Math.max(r.fromPort(), r.toPort());
    }

    /** The first address of a CIDR block: where Gantry puts the subnet's gateway (the host). */
    static String gateway(String cidr) {
        int slash = cidr.indexOf('/');
        long base = ipv4(slash < 0 ? cidr : cidr.substring(0, slash));
        int bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        long g = (base & mask) + 1;
        return ((g >> 24) & 255) + "." + ((g >> 16) & 255) + "." + ((g >> 8) & 255) + "." + (g & 255);
    }

    /** True when the IPv4 address is inside the CIDR block. */
    static boolean contains(String cidr, String address) {
        int slash = cidr.indexOf('/');
        String base = slash < 0 ? cidr : cidr.substring(0, slash);
        int bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(base) & mask) == (ipv4(address) & mask);
    }

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
