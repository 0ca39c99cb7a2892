package dev.gantry.core.ec2;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule of a security group, as DescribeSecurityGroupRules shows it: inbound ({@code egress} false) or outbound,
 * for {@code ipProtocol} ({@code "-1"} = all, {@code tcp}, {@code udp}, {@code icmp}) and the port range
 * {@code fromPort}..{@code toPort} ({@code -1} for all protocols and for ICMP's type/code "any"), with exactly one
 * peer: an IPv4 CIDR or another security group (for inbound the source, for outbound the destination).
 */
public record SecurityGroupRule(
        String ruleId,
        String groupId,
        boolean egress,
        String ipProtocol,
        int fromPort,
        int toPort,
        Optional<String> cidrIpv4,
        Optional<String> referencedGroupId,
        Optional<String> description) {
    public SecurityGroupRule {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(ipProtocol, "ipProtocol");
        cidrIpv4 = cidrIpv4 == null ? Optional.empty() : cidrIpv4;
        referencedGroupId = referencedGroupId == null ? Optional.empty() : referencedGroupId;
        description = description == null ? Optional.empty() : description;
        if (cidrIpv4.isPresent() == referencedGroupId.isPresent()) {
            throw new IllegalArgumentException("a rule has exactly one peer: a CIDR or a security group");
        }
    }

    /** True when the rule covers every protocol (and so every port). */
    public boolean allTraffic() {
        return ipProtocol.equals("-1");
    }
}
