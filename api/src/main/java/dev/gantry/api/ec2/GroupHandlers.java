package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.network.NetworkChanges;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.Ec2Error;
import dev.gantry.core.ec2.Ec2Filters;
import dev.gantry.core.ec2.Ec2Ids;
import dev.gantry.core.ec2.Ec2Messages;
import dev.gantry.core.ec2.IpPermission;
import dev.gantry.core.ec2.PermissionRules;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.core.ec2.SecurityGroupRule;
import dev.gantry.store.ec2.Deletion;
import dev.gantry.store.ec2.Ec2TagStore;
import dev.gantry.store.ec2.SecurityGroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security groups and their rules. Every committed change of a group or its rules tells {@link NetworkChanges}, so
 * the packet filters of running tasks follow within a second. Default groups and Gantry's host group cannot be
 * deleted; a group that a running task or another group's rule uses cannot either (DependencyViolation).
 */
final class GroupHandlers {
    private static final Logger log = LoggerFactory.getLogger(GroupHandlers.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final SecurityGroupStore groups;
    private final Ec2TagStore tags;
    private final NetworkHandlers networks;
    private final Ec2Service.Seams seams;
    private final Views views;

    GroupHandlers(
            SecurityGroupStore groups,
            Ec2TagStore tags,
            NetworkHandlers networks,
            Ec2Service.Seams seams,
            Views views) {
        this.groups = groups;
        this.tags = tags;
        this.networks = networks;
        this.seams = seams;
        this.views = views;
    }

    JsonNode create(JsonNode input) {
        In in = new In(input);
        String name = in.required("GroupName", "GroupName");
        String description = in.required("Description", "GroupDescription");
        if (name.length() > 255 || description.length() > 255) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.error(
                    "Security group names and descriptions may have at most 255 characters.");
        }
        if (name.equals(DefaultVpc.SECURITY_GROUP_NAME)) {
            throw Ec2Error.GROUP_RESERVED.error(
                    "The security group name 'default' is reserved: every VPC has its" + " own group named default.");
        }
        if (name.startsWith("sg-")) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.error(
                    "Invalid security group name '" + name + "': group names may not be in the format sg-*.");
        }
        String vpcId = in.text("VpcId").orElse(DefaultVpc.VPC_ID);
        networks.vpc(vpcId);
        Map<String, String> given = in.tagSpecifications("security-group");
        in.dryRun();
        String groupId = Ec2Ids.of(Ec2Ids.SECURITY_GROUP, seams.ids().taskId());
        SecurityGroupRule egress = new SecurityGroupRule(
                Ec2Ids.of(Ec2Ids.RULE, seams.ids().taskId()),
                groupId,
                true,
                "-1",
                -1,
                -1,
                Optional.of("0.0.0.0/0"),
                Optional.empty(),
                Optional.empty());
        SecurityGroup group = new SecurityGroup(groupId, name, description, vpcId, List.of(egress), given);
        if (groups.insert(group).isPresent()) {
            throw Ec2Error.GROUP_DUPLICATE.error(Ec2Messages.groupDuplicate(name, vpcId));
        }
        seams.changes().securityGroupsChanged();
        log.atInfo().addKeyValue("groupId", groupId).addKeyValue("vpcId", vpcId).log("security group created");
        ObjectNode out = F.objectNode();
        out.put("groupId", groupId);
        Views.tags(out, "tagSet", given);
        out.put("securityGroupArn", views.arn("security-group", groupId));
        return out;
    }

    JsonNode describe(JsonNode input) {
        In in = new In(input);
        List<String> wantedIds = in.texts("GroupIds");
        List<String> wantedNames = in.texts("GroupNames");
        for (String id : wantedIds) {
            group(id);
        }
        for (String n : wantedNames) {
            byName(n);
        }
        var match = Ec2Filters.predicate(in.filters(), groupFields(), SecurityGroup::tags);
        in.dryRun();
        List<ObjectNode> items = groups.groups().stream()
                .filter(g -> wantedIds.isEmpty() || wantedIds.contains(g.groupId()))
                .filter(g -> wantedNames.isEmpty()
                        || (g.vpcId().equals(DefaultVpc.VPC_ID) && wantedNames.contains(g.groupName())))
                .filter(match)
                .map(views::group)
                .toList();
        return Paging.page(in, "securityGroupInfo", items);
    }

    private Map<String, Function<SecurityGroup, List<String>>> groupFields() {
        return Map.of(
                "group-id", g -> List.of(g.groupId()),
                "group-name", g -> List.of(g.groupName()),
                "description", g -> List.of(g.description()),
                "vpc-id", g -> List.of(g.vpcId()),
                "owner-id", g -> List.of(views.accountId()),
                "ip-permission.group-id",
                        g -> g.ingress().stream()
                                .flatMap(r -> r.referencedGroupId().stream())
                                .toList(),
                "ip-permission.cidr",
                        g -> g.ingress().stream()
                                .flatMap(r -> r.cidrIpv4().stream())
                                .toList(),
                "egress.ip-permission.cidr",
                        g -> g.egress().stream()
                                .flatMap(r -> r.cidrIpv4().stream())
                                .toList());
    }

    JsonNode delete(JsonNode input) {
        In in = new In(input);
        SecurityGroup group = target(in, true);
        if (group.groupName().equals(DefaultVpc.SECURITY_GROUP_NAME)
                || group.groupId().equals(DefaultVpc.HOST_SECURITY_GROUP_ID)) {
            throw Ec2Error.CANNOT_DELETE.error(Ec2Messages.cannotDeleteGroup(group.groupId(), group.groupName()));
        }
        seams.interfaces().userOf(group.groupId()).ifPresent(by -> {
            throw Ec2Error.DEPENDENCY_VIOLATION.error(Ec2Messages.groupInUse(group.groupId(), by));
        });
        in.dryRun();
        Deletion d = groups.delete(group.groupId());
        if (!d.found()) {
            throw Ec2Error.GROUP_NOT_FOUND.error(Ec2Messages.groupNotFound(group.groupId()));
        }
        if (d.blockedBy().isPresent()) {
            throw Ec2Error.DEPENDENCY_VIOLATION.error(
                    Ec2Messages.groupInUse(group.groupId(), d.blockedBy().get()));
        }
        seams.changes().securityGroupsChanged();
        log.atInfo().addKeyValue("groupId", group.groupId()).log("security group deleted");
        ObjectNode out = F.objectNode();
        out.put("return", true);
        out.put("groupId", group.groupId());
        return out;
    }

    JsonNode authorizeIngress(JsonNode input) {
        return authorize(new In(input), false);
    }

    JsonNode authorizeEgress(JsonNode input) {
        return authorize(new In(input), true);
    }

    private JsonNode authorize(In in, boolean egress) {
        SecurityGroup group = target(in, !egress);
        List<SecurityGroupRule> rules = rules(in, group, egress, false);
        Map<String, String> ruleTags = in.tagSpecifications("security-group-rule");
        in.dryRun();
        Optional<SecurityGroupRule> duplicate = groups.addRules(group.groupId(), rules);
        if (duplicate.isPresent()) {
            throw Ec2Error.PERMISSION_DUPLICATE.error(
                    Ec2Messages.permissionDuplicate(PermissionRules.describe(duplicate.get())));
        }
        if (!ruleTags.isEmpty()) {
            tags.put(rules.stream().map(SecurityGroupRule::ruleId).toList(), ruleTags);
        }
        seams.changes().securityGroupsChanged();
        log.atInfo()
                .addKeyValue("groupId", group.groupId())
                .addKeyValue("egress", egress)
                .addKeyValue("rules", rules.size())
                .log("security group rules added");
        ObjectNode out = F.objectNode();
        out.put("return", true);
        ArrayNode set = out.putArray("securityGroupRuleSet");
        rules.forEach(r -> set.add(views.rule(r, ruleTags)));
        return out;
    }

    JsonNode revokeIngress(JsonNode input) {
        return revoke(new In(input), false);
    }

    JsonNode revokeEgress(JsonNode input) {
        return revoke(new In(input), true);
    }

    private JsonNode revoke(In in, boolean egress) {
        SecurityGroup group = target(in, !egress);
        List<SecurityGroupRule> current = egress ? group.egress() : group.ingress();
        List<SecurityGroupRule> revoked = new ArrayList<>();
        List<SecurityGroupRule> unknown = new ArrayList<>();
        List<String> byId = in.texts("SecurityGroupRuleIds");
        if (!byId.isEmpty()) {
            for (String id : byId) {
                if (!Ec2Ids.wellFormed(Ec2Ids.RULE, id)) {
                    throw Ec2Error.RULE_ID_MALFORMED.error(Ec2Messages.malformed(id, Ec2Ids.RULE));
                }
                revoked.add(current.stream()
                        .filter(r -> r.ruleId().equals(id))
                        .findFirst()
                        .orElseThrow(() -> Ec2Error.RULE_NOT_FOUND.error(Ec2Messages.ruleNotFound(id)
                                + " among the " + (egress ? "outbound" : "inbound") + " rules of "
                                + group.groupId())));
            }
        } else {
            for (SecurityGroupRule wanted : rules(in, group, egress, true)) {
                current.stream()
                        .filter(r -> PermissionRules.samePermission(r, wanted))
                        .findFirst()
                        .ifPresentOrElse(revoked::add, () -> unknown.add(wanted));
            }
            if (revoked.isEmpty()) {
                throw Ec2Error.PERMISSION_NOT_FOUND.error(Ec2Messages.PERMISSION_NOT_FOUND);
            }
        }
        in.dryRun();
        groups.removeRules(
                group.groupId(), revoked.stream().map(SecurityGroupRule::ruleId).toList());
        seams.changes().securityGroupsChanged();
        log.atInfo()
                .addKeyValue("groupId", group.groupId())
                .addKeyValue("egress", egress)
                .addKeyValue("rules", revoked.size())
                .log("security group rules revoked");
        ObjectNode out = F.objectNode();
        out.put("return", true);
        if (!unknown.isEmpty()) {
            out.set("unknownIpPermissionSet", views.permissions(unknown));
        }
        ArrayNode set = out.putArray("revokedSecurityGroupRuleSet");
        revoked.forEach(r -> set.add(Views.revoked(r)));
        return out;
    }

    JsonNode describeRules(JsonNode input) {
        In in = new In(input);
        List<String> wanted = in.texts("SecurityGroupRuleIds");
        Map<String, Map<String, String>> allTags = tags.all();
        List<SecurityGroupRule> rules = groups.rules();
        for (String id : wanted) {
            if (!Ec2Ids.wellFormed(Ec2Ids.RULE, id)) {
                throw Ec2Error.RULE_ID_MALFORMED.error(Ec2Messages.malformed(id, Ec2Ids.RULE));
            }
            if (rules.stream().noneMatch(r -> r.ruleId().equals(id))) {
                throw Ec2Error.RULE_NOT_FOUND.error(Ec2Messages.ruleNotFound(id));
            }
        }
        Map<String, Function<SecurityGroupRule, List<String>>> fields = Map.of(
                "group-id", r -> List.of(r.groupId()),
                "security-group-rule-id", r -> List.of(r.ruleId()));
        var match = Ec2Filters.predicate(in.filters(), fields, r -> allTags.getOrDefault(r.ruleId(), Map.of()));
        in.dryRun();
        List<ObjectNode> items = rules.stream()
                .filter(r -> wanted.isEmpty() || wanted.contains(r.ruleId()))
                .filter(match)
                .map(r -> views.rule(r, allTags.getOrDefault(r.ruleId(), Map.of())))
                .toList();
        return Paging.page(in, "securityGroupRuleSet", items);
    }

    /** The rules the request's IpPermissions (or its flat CidrIp/IpProtocol/ports form) make for {@code group}. */
    private List<SecurityGroupRule> rules(In in, SecurityGroup group, boolean egress, boolean revoking) {
        List<IpPermission> permissions = new ArrayList<>();
        for (In p : in.objects("IpPermissions")) {
            List<IpPermission.Peer> ranges = new ArrayList<>();
            for (In r : p.objects("IpRanges")) {
                ranges.add(new IpPermission.Peer(r.required("CidrIp", "CidrIp"), r.text("Description")));
            }
            List<IpPermission.Peer> peers = new ArrayList<>();
            for (In g : p.objects("UserIdGroupPairs")) {
                String peer = g.text("GroupId")
                        .orElseGet(() -> g.text("GroupName")
                                .map(n -> peerByName(n, group.vpcId()))
                                .orElseThrow(() -> Ec2Error.MISSING_PARAMETER.error(
                                        Ec2Messages.missing("groupId") + " (or groupName) in Groups")));
                peers.add(new IpPermission.Peer(peer, g.text("Description")));
            }
            if (!p.objects("Ipv6Ranges").isEmpty()
                    || !p.objects("PrefixListIds").isEmpty()) {
                if (revoking) { // no group has such a rule (Terraform revokes a default IPv6 egress rule blindly)
                    throw Ec2Error.PERMISSION_NOT_FOUND.error(Ec2Messages.PERMISSION_NOT_FOUND);
                }
                throw Ec2Error.UNSUPPORTED_OPERATION.error(
                        "Gantry's security group rules take IPv4 ranges and security groups as peers, not IPv6"
                                + " ranges or prefix lists.");
            }
            permissions.add(new IpPermission(
                    p.text("IpProtocol").orElse(null), p.integer("FromPort"), p.integer("ToPort"), ranges, peers));
        }
        if (permissions.isEmpty() && (in.has("IpProtocol") || in.has("CidrIp") || in.has("SourceSecurityGroupName"))) {
            List<IpPermission.Peer> ranges = in.text("CidrIp")
                    .map(c -> List.of(new IpPermission.Peer(c, Optional.empty())))
                    .orElse(List.of());
            List<IpPermission.Peer> peers = in.text("SourceSecurityGroupName")
                    .map(n -> List.of(new IpPermission.Peer(peerByName(n, group.vpcId()), Optional.empty())))
                    .orElse(List.of());
            // the flat form with only a source group means all traffic from it, as EC2 reads it
            String protocol = in.text("IpProtocol").orElse(ranges.isEmpty() ? "-1" : null);
            permissions.add(new IpPermission(protocol, in.integer("FromPort"), in.integer("ToPort"), ranges, peers));
        }
        List<SecurityGroupRule> rules = PermissionRules.expand(
                group.groupId(),
                egress,
                permissions,
                () -> Ec2Ids.of(Ec2Ids.RULE, seams.ids().taskId()));
        for (SecurityGroupRule r : rules) {
            if (r.referencedGroupId().isPresent()) {
                SecurityGroup peer = group(r.referencedGroupId().get());
                if (!peer.vpcId().equals(group.vpcId()) && !peer.groupId().equals(DefaultVpc.HOST_SECURITY_GROUP_ID)) {
                    throw Ec2Error.GROUP_NOT_FOUND.error("You have specified two resources that belong to different"
                            + " networks: " + group.groupId() + " is in " + group.vpcId() + ", " + peer.groupId()
                            + " in " + peer.vpcId() + ".");
                }
            }
        }
        return rules;
    }

    private String peerByName(String name, String vpcId) {
        return groups.byName(vpcId, name)
                .map(SecurityGroup::groupId)
                .orElseThrow(() -> Ec2Error.GROUP_NOT_FOUND.error(Ec2Messages.groupNameNotFound(name, vpcId)));
    }

    /** The group a call names: GroupId, or GroupName in the default VPC where {@code byNameAllowed}. */
    private SecurityGroup target(In in, boolean byNameAllowed) {
        Optional<String> id = in.text("GroupId");
        if (id.isPresent()) {
            return group(id.get());
        }
        Optional<String> name = in.text("GroupName");
        if (name.isPresent() && byNameAllowed) {
            return byName(name.get());
        }
        throw Ec2Error.MISSING_PARAMETER.error(
                byNameAllowed
                        ? "The request must contain the parameter groupName or groupId"
                        : Ec2Messages.missing("groupId"));
    }

    private SecurityGroup group(String id) {
        if (!Ec2Ids.wellFormed(Ec2Ids.SECURITY_GROUP, id)) {
            throw Ec2Error.GROUP_ID_MALFORMED.error(Ec2Messages.malformed(id, Ec2Ids.SECURITY_GROUP));
        }
        return groups.group(id).orElseThrow(() -> Ec2Error.GROUP_NOT_FOUND.error(Ec2Messages.groupNotFound(id)));
    }

    private SecurityGroup byName(String name) {
        return groups.byName(DefaultVpc.VPC_ID, name)
                .orElseThrow(
                        () -> Ec2Error.GROUP_NOT_FOUND.error(Ec2Messages.groupNameNotFound(name, DefaultVpc.VPC_ID)));
    }
}
