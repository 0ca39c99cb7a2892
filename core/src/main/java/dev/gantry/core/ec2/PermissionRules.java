package dev.gantry.core.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Validation of security-group permissions and their expansion into rules, as EC2 does it: protocols by name or
 * number ({@code tcp}=6, {@code udp}=17, {@code icmp}=1, {@code -1}/{@code all}); TCP/UDP ports 0..65535 with
 * from ≤ to; ICMP type and code -1..255; no ports for all traffic (shown as -1). Gantry enforces only these
 * protocols, so another protocol number is refused rather than silently not enforced.
 */
public final class PermissionRules {
    private PermissionRules() {}

    /** The canonical protocol ({@code -1}, tcp, udp, icmp) for a name or number, or InvalidParameterValue. */
    public static String protocol(String raw) {
        if (raw == null || raw.isBlank()) {
            throw Ec2Error.MISSING_PARAMETER.error(Ec2Messages.missing("ipPermissions.ipProtocol"));
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "-1", "all" -> "-1";
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            default ->
                throw Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.invalidValue(
                        "IP protocol", raw, "Gantry enforces tcp (6), udp (17), icmp (1) and -1 (all traffic)."));
        };
    }

    /**
     * The rules {@code permissions} make for group {@code groupId} (one per peer), ids from {@code ruleIds};
     * InvalidParameterValue / MissingParameter when a permission is malformed.
     */
    public static List<SecurityGroupRule> expand(
            String groupId, boolean egress, List<IpPermission> permissions, Supplier<String> ruleIds) {
        if (permissions.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.error(Ec2Messages.missing("ipPermissions"));
        }
        List<SecurityGroupRule> out = new ArrayList<>();
        for (IpPermission p : permissions) {
            String protocol = protocol(p.ipProtocol());
            int[] ports = ports(protocol, p.fromPort(), p.toPort());
            if (p.ipRanges().isEmpty() && p.groups().isEmpty()) {
                throw Ec2Error.MISSING_PARAMETER.error(
                        "A permission must name at least one peer: an IP range (CidrIp) or a security group (GroupId).");
            }
            for (IpPermission.Peer r : p.ipRanges()) {
                Cidr cidr = NetworkRanges.ruleRange(r.value());
                out.add(new SecurityGroupRule(
                        ruleIds.get(),
                        groupId,
                        egress,
                        protocol,
                        ports[0],
                        ports[1],
                        Optional.of(cidr.toString()),
                        Optional.empty(),
                        r.description()));
            }
            for (IpPermission.Peer g : p.groups()) {
                if (!Ec2Ids.wellFormed(Ec2Ids.SECURITY_GROUP, g.value())) {
                    throw Ec2Error.GROUP_ID_MALFORMED.error(Ec2Messages.malformed(g.value(), Ec2Ids.SECURITY_GROUP));
                }
                out.add(new SecurityGroupRule(
                        ruleIds.get(),
                        groupId,
                        egress,
                        protocol,
                        ports[0],
                        ports[1],
                        Optional.empty(),
                        Optional.of(g.value()),
                        g.description()));
            }
        }
        return out;
    }

    private static int[] ports(String protocol, Optional<Integer> from, Optional<Integer> to) {
        return switch (protocol) {
            case "-1" -> new int[] {-1, -1};
            case "icmp" -> {
                int type = from.orElse(-1);
                int code = to.orElse(-1);
                if (type < -1 || type > 255 || code < -1 || code > 255) {
                    throw Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.invalidValue(
                            "ICMP type/code", type + "/" + code, "ICMP type and code must be -1 (any) to 255."));
                }
                yield new int[] {type, code};
            }
            default -> {
                if (from.isEmpty() || to.isEmpty()) {
                    throw Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.invalidValue(
                            "portRange",
                            from.map(String::valueOf).orElse("") + "-"
                                    + to.map(String::valueOf).orElse(""),
                            "Must specify both from and to ports with TCP/UDP."));
                }
                int f = from.get();
                int t = to.get();
                if (f < 0 || t > 65535 || f > t) {
                    throw Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.invalidValue(
                            "portRange",
                            f + "-" + t,
                            "TCP/UDP ports must be 0 to 65535, with fromPort not above toPort."));
                }
                yield new int[] {f, t};
            }
        };
    }

    /** True when two rules allow the same traffic (direction, protocol, ports and peer); ids and descriptions aside. */
    public static boolean samePermission(SecurityGroupRule a, SecurityGroupRule b) {
        return a.egress() == b.egress()
                && a.ipProtocol().equals(b.ipProtocol())
                && a.fromPort() == b.fromPort()
                && a.toPort() == b.toPort()
                && a.cidrIpv4().equals(b.cidrIpv4())
                && a.referencedGroupId().equals(b.referencedGroupId());
    }

    /** How EC2 names a rule in its InvalidPermission.Duplicate message. */
    public static String describe(SecurityGroupRule r) {
        String peer = r.cidrIpv4().orElseGet(() -> r.referencedGroupId().orElse(""));
        String proto = r.allTraffic() ? "ALL" : r.ipProtocol().toUpperCase(Locale.ROOT);
        return "peer: " + peer + ", " + proto + ", from port: " + r.fromPort() + ", to port: " + r.toPort() + ", ALLOW";
    }
}
