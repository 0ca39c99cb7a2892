package dev.gantry.core.ec2;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A security group of a VPC and its rules, inbound and outbound (stateful: replies are always allowed). */
public record SecurityGroup(
        String groupId,
        String groupName,
        String description,
        String vpcId,
        List<SecurityGroupRule> rules,
        Map<String, String> tags) {
    public SecurityGroup {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(vpcId, "vpcId");
        description = description == null ? "" : description;
        rules = rules == null ? List.of() : List.copyOf(rules);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public List<SecurityGroupRule> ingress() {
        return rules.stream().filter(r -> !r.egress()).toList();
    }

    public List<SecurityGroupRule> egress() {
        return rules.stream().filter(SecurityGroupRule::egress).toList();
    }
}
