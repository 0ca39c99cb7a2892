package dev.gantry.core.ec2;

import java.util.List;
import java.util.Optional;

/**
 * One {@code IpPermissions} entry of an Authorize/Revoke call, as sent: a protocol (name or number), an optional
 * port range, and the peers it applies to (IPv4 ranges and security groups, each with an optional description).
 * {@link PermissionRules} validates it and expands it into one rule per peer.
 */
public record IpPermission(
        String ipProtocol,
        Optional<Integer> fromPort,
        Optional<Integer> toPort,
        List<Peer> ipRanges,
        List<Peer> groups) {
    public IpPermission {
        fromPort = fromPort == null ? Optional.empty() : fromPort;
        toPort = toPort == null ? Optional.empty() : toPort;
        ipRanges = ipRanges == null ? List.of() : List.copyOf(ipRanges);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A CIDR or a group id, and the rule's description. */
    public record Peer(String value, Optional<String> description) {
        public Peer {
            description = description == null ? Optional.empty() : description;
        }
    }
}
