package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.ec2.Ec2Error;
import dev.gantry.core.ec2.Ec2Filters;
import dev.gantry.core.ec2.Ec2Ids;
import dev.gantry.core.ec2.Ec2Messages;
import dev.gantry.core.ec2.NetworkInterface;
import dev.gantry.core.ec2.SecurityGroup;
import dev.gantry.store.ec2.Ec2Store;
import dev.gantry.store.ec2.Ec2TagStore;
import dev.gantry.store.ec2.SecurityGroupStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Tags (Create/Delete/DescribeTags), availability zones, and the running tasks' network interfaces. */
final class TagHandlers {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Ec2Store networks;
    private final SecurityGroupStore groups;
    private final Ec2TagStore tags;
    private final Ec2Service.Seams seams;
    private final Views views;
    private final String region;

    TagHandlers(
            Ec2Store networks,
            SecurityGroupStore groups,
            Ec2TagStore tags,
            Ec2Service.Seams seams,
            Views views,
            String region) {
        this.networks = networks;
        this.groups = groups;
        this.tags = tags;
        this.seams = seams;
        this.views = views;
        this.region = region;
    }

    JsonNode createTags(JsonNode input) {
        In in = new In(input);
        List<String> resources = resources(in);
        Map<String, String> given = In.tags(in.objects("Tags"));
        if (given.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.error(Ec2Messages.missing("Tag"));
        }
        in.dryRun();
        tags.put(resources, given);
        return F.objectNode();
    }

    JsonNode deleteTags(JsonNode input) {
        In in = new In(input);
        List<String> resources = resources(in);
        Map<String, Optional<String>> keys = new LinkedHashMap<>();
        for (In t : in.objects("Tags")) {
            String key = t.text("Key")
                    .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.error("Tag keys must not be empty."));
            keys.put(key, t.has("Value") ? Optional.of(t.node().get("Value").asText()) : Optional.empty());
        }
        in.dryRun();
        if (keys.isEmpty()) { // no Tag.N: every tag of the resources
            for (String id : resources) {
                tags.of(id).keySet().forEach(k -> keys.put(k, Optional.empty()));
            }
        }
        tags.remove(resources, keys);
        return F.objectNode();
    }

    /** The resources named, each checked to exist (InvalidID for an id of no type Gantry tags). */
    private List<String> resources(In in) {
        List<String> ids = in.texts("Resources");
        if (ids.isEmpty()) {
            throw Ec2Error.MISSING_PARAMETER.error(Ec2Messages.missing("ResourceId"));
        }
        for (String id : ids) {
            String type = Views.resourceType(id)
                    .orElseThrow(() -> Ec2Error.INVALID_ID.error("The ID '" + id + "' is not valid: Gantry tags VPCs"
                            + " (vpc-…), subnets (subnet-…), security groups (sg-…) and their rules (sgr-…)."));
            boolean exists = switch (type) {
                case "vpc" -> networks.vpc(id).isPresent();
                case "subnet" -> networks.subnet(id).isPresent();
                case "security-group" -> groups.group(id).isPresent();
                default -> groups.rules().stream().anyMatch(r -> r.ruleId().equals(id));
            };
            if (!exists) {
                throw switch (type) {
                    case "vpc" -> Ec2Error.VPC_NOT_FOUND.error(Ec2Messages.vpcNotFound(id));
                    case "subnet" -> Ec2Error.SUBNET_NOT_FOUND.error(Ec2Messages.subnetNotFound(id));
                    case "security-group" -> Ec2Error.GROUP_NOT_FOUND.error(Ec2Messages.groupNotFound(id));
                    default -> Ec2Error.RULE_NOT_FOUND.error(Ec2Messages.ruleNotFound(id));
                };
            }
        }
        return ids;
    }

    record TagRow(String resourceId, String type, String key, String value) {}

    JsonNode describeTags(JsonNode input) {
        In in = new In(input);
        List<TagRow> rows = new ArrayList<>();
        tags.all()
                .forEach((id, kv) -> Views.resourceType(id)
                        .ifPresent(type -> kv.forEach((k, v) -> rows.add(new TagRow(id, type, k, v)))));
        Map<String, Function<TagRow, List<String>>> fields = Map.of(
                "key", r -> List.of(r.key()),
                "value", r -> List.of(r.value()),
                "resource-id", r -> List.of(r.resourceId()),
                "resource-type", r -> List.of(r.type()));
        var match = Ec2Filters.predicate(in.filters(), fields, r -> Map.of(r.key(), r.value()));
        in.dryRun();
        List<ObjectNode> items = rows.stream()
                .filter(match)
                .map(r -> F.objectNode()
                        .put("resourceId", r.resourceId())
                        .put("resourceType", r.type())
                        .put("key", r.key())
                        .put("value", r.value()))
                .toList();
        return Paging.page(in, "tagSet", items);
    }

    JsonNode describeAvailabilityZones(JsonNode input) {
        In in = new In(input);
        List<String> zones = List.of(region + "a", region + "b", region + "c");
        List<String> wanted = in.texts("ZoneNames");
        List<String> wantedIds = in.texts("ZoneIds");
        for (String z : wanted) {
            if (!zones.contains(z)) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.error(
                        "The zone '" + z + "' does not exist in " + region + ": use one of " + zones + ".");
            }
        }
        for (String z : wantedIds) {
            if (zones.stream().noneMatch(n -> views.zoneId(n).equals(z))) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.error("The zone ID '" + z + "' does not exist in " + region
                        + ": use one of " + zones.stream().map(views::zoneId).toList() + ".");
            }
        }
        Map<String, Function<String, List<String>>> fields = Map.of(
                "zone-name", z -> List.of(z),
                "zone-id", z -> List.of(views.zoneId(z)),
                "state", z -> List.of("available"),
                "region-name", z -> List.of(region),
                "zone-type", z -> List.of("availability-zone"),
                "group-name", z -> List.of(region),
                "opt-in-status", z -> List.of("opt-in-not-required"));
        var match = Ec2Filters.predicate(in.filters(), fields, z -> Map.of());
        in.dryRun();
        ObjectNode out = F.objectNode();
        var list = out.putArray("availabilityZoneInfo");
        zones.stream()
                .filter(z -> wanted.isEmpty() || wanted.contains(z))
                .filter(z -> wantedIds.isEmpty() || wantedIds.contains(views.zoneId(z)))
                .filter(match)
                .forEach(z -> {
                    ObjectNode o = list.addObject();
                    o.put("zoneState", "available");
                    o.put("optInStatus", "opt-in-not-required");
                    o.putArray("messageSet");
                    o.put("regionName", region);
                    o.put("zoneName", z);
                    o.put("zoneId", views.zoneId(z));
                    o.put("groupName", region);
                    o.put("networkBorderGroup", region);
                    o.put("zoneType", "availability-zone");
                });
        return out;
    }

    JsonNode describeNetworkInterfaces(JsonNode input) {
        In in = new In(input);
        List<NetworkInterface> all = seams.interfaces().interfaces();
        List<String> wanted = in.texts("NetworkInterfaceIds");
        for (String id : wanted) {
            if (!Ec2Ids.wellFormed(Ec2Ids.NETWORK_INTERFACE, id)) {
                throw Ec2Error.INVALID_PARAMETER_VALUE.error(Ec2Messages.malformed(id, Ec2Ids.NETWORK_INTERFACE));
            }
            if (all.stream().noneMatch(i -> i.networkInterfaceId().equals(id))) {
                throw Ec2Error.NETWORK_INTERFACE_NOT_FOUND.error("The networkInterface ID '" + id + "' does not exist");
            }
        }
        Map<String, Function<NetworkInterface, List<String>>> fields = Map.ofEntries(
                Map.entry("network-interface-id", i -> List.of(i.networkInterfaceId())),
                Map.entry("subnet-id", i -> List.of(i.subnetId())),
                Map.entry("vpc-id", i -> List.of(i.vpcId())),
                Map.entry("group-id", NetworkInterface::securityGroupIds),
                Map.entry("status", i -> List.of(NetworkInterface.STATUS)),
                Map.entry("private-ip-address", i -> List.of(i.privateIpAddress())),
                Map.entry("addresses.private-ip-address", i -> List.of(i.privateIpAddress())),
                Map.entry("availability-zone", i -> List.of(i.availabilityZone())),
                Map.entry("description", i -> List.of(i.description())),
                Map.entry("interface-type", i -> List.of(NetworkInterface.INTERFACE_TYPE)),
                Map.entry("mac-address", i -> List.of(i.macAddress())),
                Map.entry("attachment.status", i -> List.of("attached")),
                Map.entry("attachment.attachment-id", i -> List.of(i.attachmentId())),
                Map.entry("requester-managed", i -> List.of("true")),
                Map.entry("owner-id", i -> List.of(views.accountId())));
        var match = Ec2Filters.predicate(in.filters(), fields, i -> Map.of());
        in.dryRun();
        Map<String, String> names = new HashMap<>();
        for (SecurityGroup g : groups.groups()) {
            names.put(g.groupId(), g.groupName());
        }
        List<ObjectNode> items = all.stream()
                .filter(i -> wanted.isEmpty() || wanted.contains(i.networkInterfaceId()))
                .filter(match)
                .map(i -> views.networkInterface(i, names))
                .toList();
        return Paging.page(in, "networkInterfaceSet", items);
    }
}
