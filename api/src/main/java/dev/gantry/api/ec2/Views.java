package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.query.QueryXml;
import dev.gantry.core.ec2.Cidr;
import dev.gantry.core.ec2.NetworkInterface;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * EC2's output shapes, under the XML element names botocore's model gives them ({@code vpcSet}, {@code tagSet},
 * {@code ipPermissionsEgress}…); a list renders as {@code <item>}s.
 */
final class Views {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final String region;
    private final String accountId;

    Views(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    String accountId() {
        return accountId;
    }

    String arn(String type, String id) {
        return "arn:aws:ec2:" + region + ":" + accountId + ":" + type + "/" + id;
    }

    /** {@code use1-az1} for {@code us-east-1a}: the zone id AWS would show (one mapping, the same for all). */
    String zoneId(String zoneName) {
        String[] parts = region.split("-");
        StringBuilder prefix = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length - 1; i++) {
            prefix.append(parts[i].charAt(0));
        }
        prefix.append(parts[parts.length - 1]);
        char letter = zoneName.isEmpty() ? 'a' : zoneName.charAt(zoneName.length() - 1);
        return prefix + "-az" + (letter - 'a' + 1);
    }

    static void tags(ObjectNode out, String element, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        ArrayNode set = out.putArray(element);
        tags.forEach((k, v) -> set.addObject().put("key", k).put("value", v));
    }

    ObjectNode vpc(Vpc v) {
        ObjectNode o = F.objectNode();
        o.put("vpcId", v.vpcId());
        o.put("ownerId", accountId);
        o.put("state", v.state());
        o.put("cidrBlock", v.cidrBlock());
        o.put("dhcpOptionsId", "default");
        o.put("instanceTenancy", "default");
        o.put("isDefault", v.isDefault());
        ObjectNode assoc = o.putArray("cidrBlockAssociationSet").addObject();
        assoc.put("associationId", "vpc-cidr-assoc-" + v.vpcId().substring(4));
        assoc.put("cidrBlock", v.cidrBlock());
        assoc.putObject("cidrBlockState").put("state", "associated");
        tags(o, "tagSet", v.tags());
        return o;
    }

    ObjectNode subnet(Subnet s) {
        ObjectNode o = F.objectNode();
        o.put("subnetId", s.subnetId());
        o.put("subnetArn", arn("subnet", s.subnetId()));
        o.put("state", "available");
        o.put("vpcId", s.vpcId());
        o.put("ownerId", accountId);
        o.put("cidrBlock", s.cidrBlock());
        long size = Cidr.parse(s.cidrBlock()).map(Cidr::size).orElse(5L);
        o.put("availableIpAddressCount", Math.max(0, size - 5)); // AWS reserves 5 addresses per subnet
        o.put("availabilityZone", s.availabilityZone());
        o.put("availabilityZoneId", zoneId(s.availabilityZone()));
        o.put("defaultForAz", s.defaultForAz());
        o.put("mapPublicIpOnLaunch", s.mapPublicIpOnLaunch());
        o.put("mapCustomerOwnedIpOnLaunch", false);
        o.put("assignIpv6AddressOnCreation", false);
        o.putArray("ipv6CidrBlockAssociationSet");
        o.put("enableDns64", false);
        o.put("ipv6Native", false);
        o.putObject("privateDnsNameOptionsOnLaunch")
                .put("hostnameType", "ip-name")
                .put("enableResourceNameDnsARecord", false)
                .put("enableResourceNameDnsAAAARecord", false);
        tags(o, "tagSet", s.tags());
        return o;
    }

    ObjectNode group(SecurityGroup g) {
        ObjectNode o = F.objectNode();
        o.put("ownerId", accountId);
        o.put("groupId", g.groupId());
        o.put("groupName", g.groupName());
        o.put("groupDescription", g.description());
        o.put("vpcId", g.vpcId());
        o.put("securityGroupArn", arn("security-group", g.groupId()));
        o.set("ipPermissions", permissions(g.ingress()));
        o.set("ipPermissionsEgress", permissions(g.egress()));
        tags(o, "tagSet", g.tags());
        return o;
    }

    /** Rules as EC2's IpPermissions: one per protocol and port range, its peers listed in it. */
    ArrayNode permissions(List<SecurityGroupRule> rules) {
        Map<String, List<SecurityGroupRule>> byRange = new LinkedHashMap<>();
        for (SecurityGroupRule r : rules) {
            byRange.computeIfAbsent(r.ipProtocol() + "/" + r.fromPort() + "/" + r.toPort(), k -> new ArrayList<>())
                    .add(r);
        }
        ArrayNode out = F.arrayNode();
        for (List<SecurityGroupRule> same : byRange.values()) {
            SecurityGroupRule first = same.getFirst();
            ObjectNode p = out.addObject();
            p.put("ipProtocol", first.ipProtocol());
            if (!first.allTraffic()) {
                p.put("fromPort", first.fromPort());
                p.put("toPort", first.toPort());
            }
            ArrayNode groups = p.putArray("groups");
            ArrayNode ranges = p.putArray("ipRanges");
            p.putArray("ipv6Ranges");
            p.putArray("prefixListIds");
            for (SecurityGroupRule r : same) {
                if (r.cidrIpv4().isPresent()) {
                    ObjectNode range =
                            ranges.addObject().put("cidrIp", r.cidrIpv4().get());
                    r.description().ifPresent(d -> range.put("description", d));
                } else {
                    ObjectNode pair = groups.addObject();
                    pair.put("userId", accountId);
                    pair.put("groupId", r.referencedGroupId().orElseThrow());
                    r.description().ifPresent(d -> pair.put("description", d));
                }
            }
        }
        return out;
    }

    ObjectNode rule(SecurityGroupRule r, Map<String, String> tags) {
        ObjectNode o = F.objectNode();
        o.put("securityGroupRuleId", r.ruleId());
        o.put("groupId", r.groupId());
        o.put("groupOwnerId", accountId);
        o.put("isEgress", r.egress());
        o.put("ipProtocol", r.ipProtocol());
        o.put("fromPort", r.fromPort());
        o.put("toPort", r.toPort());
        r.cidrIpv4().ifPresent(c -> o.put("cidrIpv4", c));
        r.referencedGroupId()
                .ifPresent(g ->
                        o.putObject("referencedGroupInfo").put("groupId", g)); // no userId: the caller's own account
        r.description().ifPresent(d -> o.put("description", d));
        tags(o, "tagSet", tags);
        o.put("securityGroupRuleArn", arn("security-group-rule", r.ruleId()));
        return o;
    }

    static ObjectNode revoked(SecurityGroupRule r) {
        ObjectNode o = F.objectNode();
        o.put("securityGroupRuleId", r.ruleId());
        o.put("groupId", r.groupId());
        o.put("isEgress", r.egress());
        o.put("ipProtocol", r.ipProtocol());
        o.put("fromPort", r.fromPort());
        o.put("toPort", r.toPort());
        r.cidrIpv4().ifPresent(c -> o.put("cidrIpv4", c));
        r.referencedGroupId().ifPresent(g -> o.put("referencedGroupId", g));
        r.description().ifPresent(d -> o.put("description", d));
        return o;
    }

    ObjectNode networkInterface(NetworkInterface n, Map<String, String> groupNames) {
        ObjectNode o = F.objectNode();
        o.put("networkInterfaceId", n.networkInterfaceId());
        o.put("subnetId", n.subnetId());
        o.put("vpcId", n.vpcId());
        o.put("availabilityZone", n.availabilityZone());
        o.put("availabilityZoneId", zoneId(n.availabilityZone()));
        o.put("description", n.description());
        o.put("ownerId", accountId);
        o.put("requesterId", "578734482556"); // the ECS service's account, as Fargate's interfaces show it
        o.put("requesterManaged", true);
        o.put("status", NetworkInterface.STATUS);
        o.put("interfaceType", NetworkInterface.INTERFACE_TYPE);
        o.put("macAddress", n.macAddress());
        o.put("privateIpAddress", n.privateIpAddress());
        o.put("sourceDestCheck", true);
        ArrayNode groups = o.putArray("groupSet");
        for (String g : n.securityGroupIds()) {
            groups.addObject().put("groupId", g).put("groupName", groupNames.getOrDefault(g, ""));
        }
        ObjectNode attachment = o.putObject("attachment");
        attachment.put("attachmentId", n.attachmentId());
        attachment.set("attachTime", QueryXml.timestamp(n.attachTime()));
        attachment.put("deleteOnTermination", true);
        attachment.put("deviceIndex", 1);
        attachment.put("instanceOwnerId", "amazon-aws");
        attachment.put("status", "attached");
        o.putArray("privateIpAddressesSet")
                .addObject()
                .put("primary", true)
                .put("privateIpAddress", n.privateIpAddress());
        o.putArray("ipv6AddressesSet");
        return o;
    }

    static Optional<String> resourceType(String id) {
        if (id.startsWith("vpc-")) {
            return Optional.of("vpc");
        }
        if (id.startsWith("subnet-")) {
            return Optional.of("subnet");
        }
        if (id.startsWith("sgr-")) {
            return Optional.of("security-group-rule");
        }
        if (id.startsWith("sg-")) {
            return Optional.of("security-group");
        }
        return Optional.empty();
    }
}
