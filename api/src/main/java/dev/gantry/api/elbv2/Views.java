package dev.gantry.api.elbv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.gantry.api.protocol.Json;
import dev.gantry.control.lb.RuleView;
import dev.gantry.control.lb.TargetHealthDescription;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.HealthCheck;
import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.RuleCondition;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.core.lb.WeightedTargetGroup;
import java.util.List;
import java.util.Map;

/** ELBv2's output shapes (botocore's member names), from control/lb's records. */
final class Views {
    /** Gantry's stand-in for ELB's per-region hosted zone (Route 53 is not emulated). */
    static final String HOSTED_ZONE = "Z0GANTRY0LOCAL";

    static final String SUBNET = "subnet-0gantry00000000000";

    private Views() {}

    static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    static ObjectNode loadBalancer(LoadBalancer lb, String region, String vpcId, String state) {
        return loadBalancer(lb, region, vpcId, state, java.util.Optional.empty());
    }

    /** With the State's Reason (why a load balancer is {@code active_impaired}). */
    static ObjectNode loadBalancer(
            LoadBalancer lb, String region, String vpcId, String state, java.util.Optional<String> reason) {
        ObjectNode o = object();
        o.put("LoadBalancerArn", lb.arn());
        o.put("DNSName", lb.dnsName());
        o.put("CanonicalHostedZoneId", HOSTED_ZONE);
        o.set("CreatedTime", new POJONode(lb.createdAt()));
        o.put("LoadBalancerName", lb.name());
        o.put("Scheme", lb.scheme());
        o.put("VpcId", vpcId);
        ObjectNode st = o.putObject("State").put("Code", state);
        reason.ifPresent(r -> st.put("Reason", r));
        o.put("Type", lb.type());
        ArrayNode zones = o.putArray("AvailabilityZones");
        List<String> subnets = lb.subnets().isEmpty() ? List.of(SUBNET) : lb.subnets();
        for (int i = 0; i < subnets.size(); i++) {
            ObjectNode zone = zones.addObject();
            zone.put("ZoneName", region + (char) ('a' + i % 26));
            zone.put("SubnetId", subnets.get(i));
            zone.putArray("LoadBalancerAddresses");
        }
        if (lb.isApplication()) {
            ArrayNode groups = o.putArray("SecurityGroups");
            lb.securityGroups().forEach(groups::add);
        }
        o.put("IpAddressType", lb.ipAddressType());
        return o;
    }

    static ObjectNode targetGroup(TargetGroup g, List<String> loadBalancerArns) {
        ObjectNode o = object();
        o.put("TargetGroupArn", g.arn());
        o.put("TargetGroupName", g.name());
        o.put("Protocol", g.protocol());
        o.put("Port", g.port());
        o.put("VpcId", g.vpcId());
        HealthCheck h = g.healthCheck();
        o.put("HealthCheckProtocol", h.protocol());
        o.put("HealthCheckPort", h.port());
        o.put("HealthCheckEnabled", h.enabled());
        o.put("HealthCheckIntervalSeconds", h.intervalSeconds());
        o.put("HealthCheckTimeoutSeconds", h.timeoutSeconds());
        o.put("HealthyThresholdCount", h.healthyThreshold());
        o.put("UnhealthyThresholdCount", h.unhealthyThreshold());
        h.path().ifPresent(p -> o.put("HealthCheckPath", p));
        h.matcher()
                .ifPresent(m -> o.putObject("Matcher")
                        .put(g.protocolVersion().filter("GRPC"::equals).isPresent() ? "GrpcCode" : "HttpCode", m));
        ArrayNode lbs = o.putArray("LoadBalancerArns");
        loadBalancerArns.forEach(lbs::add);
        o.put("TargetType", g.targetType());
        g.protocolVersion().ifPresent(v -> o.put("ProtocolVersion", v));
        o.put("IpAddressType", g.ipAddressType());
        return o;
    }

    static ArrayNode attributes(Map<String, String> attributes) {
        ArrayNode a = Json.mapper().createArrayNode();
        attributes.forEach((k, v) -> a.addObject().put("Key", k).put("Value", v));
        return a;
    }

    static ObjectNode listener(Listener l) {
        ObjectNode o = object();
        o.put("ListenerArn", l.arn());
        o.put("LoadBalancerArn", l.loadBalancerArn());
        o.put("Port", l.port());
        o.put("Protocol", l.protocol());
        o.set("DefaultActions", actions(l.defaultActions()));
        return o;
    }

    static ObjectNode rule(RuleView r) {
        ObjectNode o = object();
        o.put("RuleArn", r.arn());
        o.put("Priority", r.priority().map(String::valueOf).orElse("default"));
        ArrayNode conditions = o.putArray("Conditions");
        r.conditions().forEach(c -> conditions.add(condition(c)));
        o.set("Actions", actions(r.actions()));
        o.put("IsDefault", r.isDefault());
        return o;
    }

    static ArrayNode actions(List<Action> actions) {
        ArrayNode out = Json.mapper().createArrayNode();
        for (Action a : actions) {
            ObjectNode o = out.addObject();
            o.put("Type", a.type());
            if (a.targetGroups().size() == 1) {
                o.put("TargetGroupArn", a.targetGroups().getFirst().targetGroupArn());
            }
            o.put("Order", a.order());
            if (a.type().equals(Action.FORWARD)) {
                ObjectNode f = o.putObject("ForwardConfig");
                ArrayNode groups = f.putArray("TargetGroups");
                for (WeightedTargetGroup g : a.targetGroups()) {
                    groups.addObject().put("TargetGroupArn", g.targetGroupArn()).put("Weight", g.weight());
                }
                ObjectNode s = f.putObject("TargetGroupStickinessConfig");
                s.put("Enabled", a.stickinessSeconds().isPresent());
                a.stickinessSeconds().ifPresent(d -> s.put("DurationSeconds", d));
            }
            a.fixedResponse().ifPresent(f -> {
                ObjectNode c = o.putObject("FixedResponseConfig");
                f.messageBody().ifPresent(b -> c.put("MessageBody", b));
                c.put("StatusCode", f.statusCode());
                f.contentType().ifPresent(t -> c.put("ContentType", t));
            });
            a.redirect()
                    .ifPresent(r -> o.putObject("RedirectConfig")
                            .put("Protocol", r.protocol())
                            .put("Port", r.port())
                            .put("Host", r.host())
                            .put("Path", r.path())
                            .put("Query", r.query())
                            .put("StatusCode", r.statusCode()));
        }
        return out;
    }

    static ObjectNode condition(RuleCondition c) {
        ObjectNode o = object();
        o.put("Field", c.field());
        boolean legacy =
                c.field().equals(RuleCondition.PATH_PATTERN) || c.field().equals(RuleCondition.HOST_HEADER);
        if (legacy) {
            ArrayNode v = o.putArray("Values");
            c.values().forEach(v::add);
        }
        switch (c.field()) {
            case RuleCondition.PATH_PATTERN -> values(o.putObject("PathPatternConfig"), c.values());
            case RuleCondition.HOST_HEADER -> values(o.putObject("HostHeaderConfig"), c.values());
            case RuleCondition.HTTP_REQUEST_METHOD -> values(o.putObject("HttpRequestMethodConfig"), c.values());
            case RuleCondition.SOURCE_IP -> values(o.putObject("SourceIpConfig"), c.values());
            case RuleCondition.HTTP_HEADER -> {
                ObjectNode h = o.putObject("HttpHeaderConfig");
                h.put("HttpHeaderName", c.httpHeaderName().orElse(""));
                values(h, c.values());
            }
            case RuleCondition.QUERY_STRING -> {
                ArrayNode v = o.putObject("QueryStringConfig").putArray("Values");
                c.queryStrings().forEach(q -> {
                    ObjectNode kv = v.addObject();
                    q.key().ifPresent(k -> kv.put("Key", k));
                    kv.put("Value", q.value());
                });
            }
            default -> {}
        }
        return o;
    }

    private static void values(ObjectNode config, List<String> values) {
        ArrayNode v = config.putArray("Values");
        values.forEach(v::add);
    }

    static ObjectNode targetHealth(TargetHealthDescription d) {
        ObjectNode o = object();
        o.putObject("Target").put("Id", d.target().ip()).put("Port", d.target().port());
        o.put("HealthCheckPort", d.healthCheckPort());
        ObjectNode h = o.putObject("TargetHealth");
        h.put("State", d.health().state().wireName());
        d.health().reason().ifPresent(r -> h.put("Reason", r));
        d.health().description().ifPresent(r -> h.put("Description", r));
        return o;
    }
}
