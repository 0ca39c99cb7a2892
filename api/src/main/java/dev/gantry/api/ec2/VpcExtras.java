package dev.gantry.api.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.core.ec2.Ec2Error;
import dev.gantry.core.ec2.Ec2Filters;
import dev.gantry.core.ec2.Subnet;
import dev.gantry.core.ec2.Vpc;
import dev.gantry.store.ec2.Ec2Store;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a VPC has but Gantry does not model, shown as fixed facts so infrastructure code that reads them works:
 * its attributes (DNS support on; DNS hostnames on in the default VPC only, as AWS sets them; no address-usage
 * metrics), one main route table (the VPC's local route: tasks of its subnets reach each other subject to their
 * security groups) and one default network ACL that allows everything (security groups do the filtering).
 */
final class VpcExtras {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Ec2Store store;
    private final NetworkHandlers networks;
    private final Views views;

    VpcExtras(Ec2Store store, NetworkHandlers networks, Views views) {
        this.store = store;
        this.networks = networks;
        this.views = views;
    }

    private static boolean attribute(Vpc vpc, String name) {
        return switch (name) {
            case "enableDnsSupport" -> true;
            case "enableDnsHostnames" -> vpc.isDefault();
            default -> false; // enableNetworkAddressUsageMetrics
        };
    }

    JsonNode describeAttribute(JsonNode input) {
        In in = new In(input);
        Vpc vpc = networks.vpc(in.required("VpcId", "vpcId"));
        String name = in.required("Attribute", "attribute");
        in.dryRun();
        ObjectNode out = F.objectNode();
        out.put("vpcId", vpc.vpcId());
        out.putObject(name).put("value", attribute(vpc, name));
        return out;
    }

    JsonNode modifyAttribute(JsonNode input) {
        In in = new In(input);
        Vpc vpc = networks.vpc(in.required("VpcId", "vpcId"));
        for (String name : List.of("enableDnsSupport", "enableDnsHostnames", "enableNetworkAddressUsageMetrics")) {
            String member = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            JsonNode v = input.path(member).path("Value");
            if (v.isBoolean() && v.booleanValue() != attribute(vpc, name)) {
                throw Ec2Error.UNSUPPORTED_OPERATION.error("Gantry's VPCs have fixed attributes: " + name + " is "
                        + attribute(vpc, name) + " for " + vpc.vpcId() + " (see docs/compat/ec2.md).");
            }
        }
        in.dryRun();
        return F.objectNode();
    }

    static String tail(String vpcId) {
        return vpcId.substring(vpcId.indexOf('-') + 1);
    }

    JsonNode describeRouteTables(JsonNode input) {
        In in = new In(input);
        List<String> wanted = in.texts("RouteTableIds");
        Map<String, Function<Vpc, List<String>>> fields = Map.of(
                "vpc-id", v -> List.of(v.vpcId()),
                "route-table-id", v -> List.of("rtb-" + tail(v.vpcId())),
                "association.main", v -> List.of("true"),
                "association.route-table-id", v -> List.of("rtb-" + tail(v.vpcId())),
                "owner-id", v -> List.of(views.accountId()));
        var match = Ec2Filters.predicate(in.filters(), fields, v -> Map.of());
        in.dryRun();
        List<ObjectNode> items = store.vpcs().stream()
                .filter(v -> wanted.isEmpty() || wanted.contains("rtb-" + tail(v.vpcId())))
                .filter(match)
                .map(this::routeTable)
                .toList();
        return Paging.page(in, "routeTableSet", items);
    }

    private ObjectNode routeTable(Vpc v) {
        String id = "rtb-" + tail(v.vpcId());
        ObjectNode o = F.objectNode();
        o.put("routeTableId", id);
        o.put("vpcId", v.vpcId());
        o.put("ownerId", views.accountId());
        ObjectNode assoc = o.putArray("associationSet").addObject();
        assoc.put("main", true);
        assoc.put("routeTableAssociationId", "rtbassoc-" + tail(v.vpcId()));
        assoc.put("routeTableId", id);
        assoc.putObject("associationState").put("state", "associated");
        o.putArray("propagatingVgwSet");
        o.putArray("routeSet")
                .addObject()
                .put("destinationCidrBlock", v.cidrBlock())
                .put("gatewayId", "local")
                .put("origin", "CreateRouteTable")
                .put("state", "active");
        return o;
    }

    JsonNode describeNetworkAcls(JsonNode input) {
        In in = new In(input);
        List<String> wanted = in.texts("NetworkAclIds");
        List<Subnet> subnets = store.subnets();
        Map<String, Function<Vpc, List<String>>> fields = Map.of(
                "vpc-id", v -> List.of(v.vpcId()),
                "network-acl-id", v -> List.of("acl-" + tail(v.vpcId())),
                "default", v -> List.of("true"),
                "owner-id", v -> List.of(views.accountId()),
                "association.subnet-id",
                        v -> subnets.stream()
                                .filter(s -> s.vpcId().equals(v.vpcId()))
                                .map(Subnet::subnetId)
                                .toList());
        var match = Ec2Filters.predicate(in.filters(), fields, v -> Map.of());
        in.dryRun();
        List<ObjectNode> items = store.vpcs().stream()
                .filter(v -> wanted.isEmpty() || wanted.contains("acl-" + tail(v.vpcId())))
                .filter(match)
                .map(v -> networkAcl(v, subnets))
                .toList();
        return Paging.page(in, "networkAclSet", items);
    }

    private ObjectNode networkAcl(Vpc v, List<Subnet> subnets) {
        String id = "acl-" + tail(v.vpcId());
        ObjectNode o = F.objectNode();
        o.put("networkAclId", id);
        o.put("vpcId", v.vpcId());
        o.put("default", true);
        o.put("ownerId", views.accountId());
        ArrayNode entries = o.putArray("entrySet");
        for (boolean egress : new boolean[] {false, true}) {
            entries.addObject()
                    .put("ruleNumber", 100)
                    .put("protocol", "-1")
                    .put("ruleAction", "allow")
                    .put("egress", egress)
                    .put("cidrBlock", "0.0.0.0/0");
            entries.addObject()
                    .put("ruleNumber", 32767)
                    .put("protocol", "-1")
                    .put("ruleAction", "deny")
                    .put("egress", egress)
                    .put("cidrBlock", "0.0.0.0/0");
        }
        ArrayNode assoc = o.putArray("associationSet");
        subnets.stream()
                .filter(s -> s.vpcId().equals(v.vpcId()))
                .forEach(s -> assoc.addObject()
                        .put("networkAclAssociationId", "aclassoc-" + tail(s.subnetId()))
                        .put("networkAclId", id)
                        .put("subnetId", s.subnetId()));
        return o;
    }
}
