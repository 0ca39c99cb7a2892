package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.control.network.SubnetNetworks;
import dev.gantry.core.ec2.Cidr;
import dev.gantry.core.ec2.DefaultVpc;
import dev.gantry.core.ec2.Ec2Error;
import dev.gantry.core.ec2.Ec2Filters;
import dev.gantry.core.ec2.Ec2Ids;
import dev.gantry.core.ec2.Ec2Messages;
import dev.gantry.core.ec2.NetworkRanges;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.store.ec2.Deletion;
import dev.gantry.store.ec2.Ec2Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VPCs and subnets. A created subnet is realised as its own engine network ({@code gantry-<subnetId>}, exactly the
 * subnet's range) before it is committed, and that network is removed after the subnet is deleted; a subnet tagged
 * {@code gantry:private}={@code true} at creation is private (an engine-internal network: no route out).
 */
final class NetworkHandlers {
    static final String PRIVATE_TAG = "gantry:private";
    private static final Logger log = LoggerFactory.getLogger(NetworkHandlers.class);

    private final Ec2Store store;
    private final Ec2Service.Seams seams;
    private final Views views;
    private final String region;

    NetworkHandlers(Ec2Store store, Ec2Service.Seams seams, Views views, String region) {
        this.store = store;
        this.seams = seams;
        this.views = views;
        this.region = region;
    }

    JsonNode createVpc(JsonNode input) {
        In in = new In(input);
        if (in.flag("AmazonProvidedIpv6CidrBlock") || in.has("Ipv6CidrBlock") || in.has("Ipv4IpamPoolId")) {
            throw Ec2Error.UNSUPPORTED_OPERATION.error(
                    "Gantry's VPCs are IPv4 blocks given as CidrBlock: IPv6 blocks and IPAM pools are not supported.");
        }
        Cidr cidr = NetworkRanges.vpcBlock(in.required("CidrBlock", "cidrBlock"));
        Map<String, String> tags = in.tagSpecifications("vpc");
        in.dryRun();
        String vpcId = Ec2Ids.of(Ec2Ids.VPC, seams.ids().taskId());
        Vpc vpc = new Vpc(vpcId, cidr.toString(), false, "available", tags);
        String groupId = Ec2Ids.of(Ec2Ids.SECURITY_GROUP, seams.ids().taskId());
        store.insertVpc(
                vpc,
                Ec2Store.defaultGroup(
                        vpcId,
                        groupId,
                        Ec2Ids.of(Ec2Ids.RULE, seams.ids().taskId()),
                        Ec2Ids.of(Ec2Ids.RULE, seams.ids().taskId()),
                        Ec2Ids.of(Ec2Ids.RULE, seams.ids().taskId())));
        seams.changes().securityGroupsChanged();
        log.atInfo()
                .addKeyValue("vpcId", vpcId)
                .addKeyValue("cidr", vpc.cidrBlock())
                .log("VPC created");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("vpc", views.vpc(vpc));
        return out;
    }

    JsonNode describeVpcs(JsonNode input) {
        In in = new In(input);
        List<String> wanted = in.texts("VpcIds");
        for (String id : wanted) {
            vpc(id);
        }
        var match = Ec2Filters.predicate(in.filters(), vpcFields(), Vpc::tags);
        in.dryRun();
        List<ObjectNode> items = store.vpcs().stream()
                .filter(v -> wanted.isEmpty() || wanted.contains(v.vpcId()))
                .filter(match)
                .map(views::vpc)
                .toList();
        return Paging.page(in, "vpcSet", items);
    }

    private Map<String, Function<Vpc, List<String>>> vpcFields() {
        return Map.of(
                "vpc-id", v -> List.of(v.vpcId()),
                "cidr", v -> List.of(v.cidrBlock()),
                "cidr-block-association.cidr-block", v -> List.of(v.cidrBlock()),
                "cidr-block-association.state", v -> List.of("associated"),
                "is-default", v -> List.of(String.valueOf(v.isDefault())),
                "state", v -> List.of(v.state()),
                "owner-id", v -> List.of(views.accountId()),
                "dhcp-options-id", v -> List.of("default"));
    }

    JsonNode deleteVpc(JsonNode input) {
        In in = new In(input);
        String id = in.required("VpcId", "vpcId");
        vpc(id);
        in.dryRun();
        Deletion d = store.deleteVpc(id);
        if (!d.found()) {
            throw Ec2Error.VPC_NOT_FOUND.error(Ec2Messages.vpcNotFound(id));
        }
        if (d.blockedBy().isPresent()) {
            throw Ec2Error.DEPENDENCY_VIOLATION.error(Ec2Messages.hasDependencies("vpc", id)
                    + " Delete " + d.blockedBy().get() + " (and the VPC's other subnets and non-default security"
                    + " groups) first.");
        }
        seams.changes().securityGroupsChanged();
        log.atInfo().addKeyValue("vpcId", id).log("VPC deleted");
        return JsonNodeFactory.instance.objectNode();
    }

    JsonNode createSubnet(JsonNode input) {
        In in = new In(input);
        if (in.has("Ipv6CidrBlock") || in.flag("Ipv6Native") || in.has("Ipv4IpamPoolId")) {
            throw Ec2Error.UNSUPPORTED_OPERATION.error(
                    "Gantry's subnets are IPv4 blocks given as CidrBlock: IPv6 and IPAM pools are not supported.");
        }
        String vpcId = in.required("VpcId", "vpcId");
        Vpc vpc = vpc(vpcId);
        String zone = zone(in);
        Map<String, String> tags = in.tagSpecifications("subnet");
        Cidr cidr = NetworkRanges.subnetBlock(in.required("CidrBlock", "cidrBlock"), vpc.cidrBlock(), store.subnets());
        in.dryRun();
        String subnetId = Ec2Ids.of(Ec2Ids.SUBNET, seams.ids().taskId());
        boolean isPrivate = "true".equalsIgnoreCase(tags.getOrDefault(PRIVATE_TAG, ""));
        Subnet subnet =
                new Subnet(subnetId, vpcId, cidr.toString(), zone, false, false, isPrivate, "gantry-" + subnetId, tags);
        try {
            seams.subnetNetworks().create(subnet);
        } catch (SubnetNetworks.Conflict e) {
            throw Ec2Error.SUBNET_CONFLICT.error(
                    "The CIDR '" + cidr + "' conflicts with a network on this host: " + e.getMessage());
        } catch (SubnetNetworks.Unavailable e) {
            throw Ec2Error.UNAVAILABLE.error(e.getMessage());
        }
        Optional<Subnet> conflict = store.insertSubnet(subnet, cidr.addressAt(1));
        if (conflict.isPresent()) { // another CreateSubnet won the range meanwhile
            seams.subnetNetworks().remove(subnet);
            throw Ec2Error.SUBNET_CONFLICT.error(Ec2Messages.subnetConflict(
                    cidr.toString(), conflict.get().subnetId(), conflict.get().cidrBlock()));
        }
        log.atInfo()
                .addKeyValue("subnetId", subnetId)
                .addKeyValue("cidr", subnet.cidrBlock())
                .addKeyValue("network", subnet.networkName())
                .addKeyValue("private", isPrivate)
                .log("subnet created");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("subnet", views.subnet(subnet));
        return out;
    }

    private String zone(In in) {
        List<String> zones = List.of(region + "a", region + "b", region + "c");
        Optional<String> byName = in.text("AvailabilityZone");
        Optional<String> byId = in.text("AvailabilityZoneId");
        if (byName.isPresent() && !zones.contains(byName.get())) {
            throw Ec2Error.INVALID_PARAMETER_VALUE.error("Value (" + byName.get() + ") for parameter availabilityZone"
                    + " is invalid. Subnets can currently only be created in the following availability zones: "
                    + String.join(", ", zones) + ".");
        }
        if (byId.isPresent()) {
            return zones.stream()
                    .filter(z -> views.zoneId(z).equals(byId.get()))
                    .findFirst()
                    .orElseThrow(() -> Ec2Error.INVALID_PARAMETER_VALUE.error("Value (" + byId.get()
                            + ") for parameter availabilityZoneId is invalid: use one of "
                            + zones.stream().map(views::zoneId).toList() + "."));
        }
        return byName.orElse(zones.getFirst());
    }

    JsonNode describeSubnets(JsonNode input) {
        In in = new In(input);
        List<String> wanted = in.texts("SubnetIds");
        for (String id : wanted) {
            subnet(id);
        }
        var match = Ec2Filters.predicate(in.filters(), subnetFields(), Subnet::tags);
        in.dryRun();
        List<ObjectNode> items = store.subnets().stream()
                .filter(s -> wanted.isEmpty() || wanted.contains(s.subnetId()))
                .filter(match)
                .map(views::subnet)
                .toList();
        return Paging.page(in, "subnetSet", items);
    }

    private Map<String, Function<Subnet, List<String>>> subnetFields() {
        return Map.ofEntries(
                Map.entry("subnet-id", s -> List.of(s.subnetId())),
                Map.entry("vpc-id", s -> List.of(s.vpcId())),
                Map.entry("cidr-block", s -> List.of(s.cidrBlock())),
                Map.entry("cidr", s -> List.of(s.cidrBlock())),
                Map.entry("cidrBlock", s -> List.of(s.cidrBlock())),
                Map.entry("availability-zone", s -> List.of(s.availabilityZone())),
                Map.entry("availabilityZone", s -> List.of(s.availabilityZone())),
                Map.entry("availability-zone-id", s -> List.of(views.zoneId(s.availabilityZone()))),
                Map.entry("default-for-az", s -> List.of(String.valueOf(s.defaultForAz()))),
                Map.entry("defaultForAz", s -> List.of(String.valueOf(s.defaultForAz()))),
                Map.entry("map-public-ip-on-launch", s -> List.of(String.valueOf(s.mapPublicIpOnLaunch()))),
                Map.entry("state", s -> List.of("available")),
                Map.entry("owner-id", s -> List.of(views.accountId())),
                Map.entry("subnet-arn", s -> List.of(views.arn("subnet", s.subnetId()))));
    }

    JsonNode deleteSubnet(JsonNode input) {
        In in = new In(input);
        String id = in.required("SubnetId", "subnetId");
        Subnet subnet = subnet(id);
        if (id.equals(DefaultVpc.SUBNET_ID)) {
            throw Ec2Error.UNSUPPORTED_OPERATION.error(
                    "The default subnet " + id + " is the engine network " + subnet.networkName()
                            + " that Gantry's tasks use when they name no subnet; it cannot be deleted.");
        }
        if (seams.interfaces().anyIn(id)) {
            throw Ec2Error.DEPENDENCY_VIOLATION.error(Ec2Messages.hasDependencies("subnet", id)
                    + " A running task has its network interface in it: stop the subnet's tasks first.");
        }
        in.dryRun();
        if (!store.deleteSubnet(id)) {
            throw Ec2Error.SUBNET_NOT_FOUND.error(Ec2Messages.subnetNotFound(id));
        }
        try {
            seams.subnetNetworks().remove(subnet);
        } catch (RuntimeException e) { // the subnet is gone; its network is reaped when the engine is back
            log.atWarn()
                    .addKeyValue("subnetId", id)
                    .addKeyValue("network", subnet.networkName())
                    .addKeyValue("error", e.getMessage())
                    .log("subnet deleted but its engine network could not be removed");
        }
        log.atInfo().addKeyValue("subnetId", id).log("subnet deleted");
        return JsonNodeFactory.instance.objectNode();
    }

    Vpc vpc(String id) {
        if (!Ec2Ids.wellFormed(Ec2Ids.VPC, id)) {
            throw Ec2Error.VPC_ID_MALFORMED.error(Ec2Messages.malformed(id, Ec2Ids.VPC));
        }
        return store.vpc(id).orElseThrow(() -> Ec2Error.VPC_NOT_FOUND.error(Ec2Messages.vpcNotFound(id)));
    }

    Subnet subnet(String id) {
        if (!Ec2Ids.wellFormed(Ec2Ids.SUBNET, id)) {
            throw Ec2Error.SUBNET_ID_MALFORMED.error(Ec2Messages.malformed(id, Ec2Ids.SUBNET));
        }
        return store.subnet(id).orElseThrow(() -> Ec2Error.SUBNET_NOT_FOUND.error(Ec2Messages.subnetNotFound(id)));
    }
}
