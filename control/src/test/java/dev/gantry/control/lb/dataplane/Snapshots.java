package dev.gantry.control.lb.dataplane;

import dev.gantry.control.lb.RoutingSnapshot;
import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.HealthCheck;
import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.RegisteredTarget;
import dev.gantry.core.lb.Rule;
import dev.gantry.core.lb.RuleCondition;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.core.lb.WeightedTargetGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ELBv2 records for translation tests, in the shapes control/lb stores (defaults as the API fills them). */
final class Snapshots {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String ALB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/1";
    static final String NLB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/db/2";
    static final String TG_A = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/a/1";
    static final String TG_B = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/b/2";
    static final String TG_TCP = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/pg/3";
    static final String L_HTTP = ALB.replace("loadbalancer/", "listener/") + "/10";
    static final String L_TCP = NLB.replace("loadbalancer/", "listener/") + "/20";

    private Snapshots() {}

    static LoadBalancer lb(String arn, String type, String scheme) {
        return new LoadBalancer(
                arn, "lb", type, scheme, "ipv4", "lb.elb.localhost", List.of(), List.of(), Map.of(), T0);
    }

    static HealthCheck httpCheck() {
        return new HealthCheck(
                true, "HTTP", "traffic-port", Optional.of("/health"), 5, 2, 2, 3, Optional.of("200-299"));
    }

    static TargetGroup group(String arn, String protocol, HealthCheck check, Map<String, String> attributes) {
        return new TargetGroup(arn, "g", protocol, Optional.empty(), 80, "vpc-1", "ip", "ipv4", check, attributes, T0);
    }

    static TargetGroup httpGroup(String arn) {
        return group(arn, "HTTP", httpCheck(), Map.of());
    }

    static Action forward(String... groupsAndWeights) {
        List<WeightedTargetGroup> groups = new java.util.ArrayList<>();
        for (int i = 0; i < groupsAndWeights.length; i += 2) {
            groups.add(new WeightedTargetGroup(groupsAndWeights[i], Integer.parseInt(groupsAndWeights[i + 1])));
        }
        return Action.forward(1, groups, Optional.empty());
    }

    static Listener listener(String arn, String lbArn, int port, String protocol, Action action) {
        return new Listener(arn, lbArn, port, protocol, List.of(action), arn + "/default", Map.of());
    }

    static Rule rule(int priority, RuleCondition condition, Action action) {
        return new Rule(L_HTTP + "/rule" + priority, L_HTTP, priority, List.of(condition), List.of(action));
    }

    static RuleCondition condition(String field, String... values) {
        return new RuleCondition(field, List.of(values), Optional.empty(), List.of());
    }

    static RegisteredTarget target(String group, String ip, int port) {
        return new RegisteredTarget(group, ip, port, T0, Optional.empty());
    }

    static RegisteredTarget draining(String group, String ip, int port) {
        return new RegisteredTarget(group, ip, port, T0, Optional.of(T0.plusSeconds(300)));
    }

    /** An internal ALB, HTTP listener forwarding to A, groups A and B, one target in A. */
    static RoutingSnapshot web(int port) {
        return new RoutingSnapshot(
                1,
                List.of(lb(ALB, LoadBalancer.APPLICATION, LoadBalancer.INTERNAL)),
                List.of(listener(L_HTTP, ALB, port, "HTTP", forward(TG_A, "1"))),
                List.of(),
                List.of(httpGroup(TG_A), httpGroup(TG_B)),
                List.of(target(TG_A, "10.0.0.5", 8080)));
    }
}
