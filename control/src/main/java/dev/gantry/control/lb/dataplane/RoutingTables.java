package dev.gantry.control.lb.dataplane;

import dev.gantry.control.lb.RoutingSnapshot;
import dev.gantry.core.lb.HealthCheck;
import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.RegisteredTarget;
import dev.gantry.core.lb.Rule;
import dev.gantry.core.lb.RuleCondition;
import dev.gantry.core.lb.TargetGroup;
import dev.gantry.router.table.Condition;
import dev.gantry.router.table.ListenerProtocol;
import dev.gantry.router.table.Matcher;
import dev.gantry.router.table.RoutingTable;
import dev.gantry.router.table.Target;
import dev.gantry.router.table.TargetProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * ELBv2's configuration → the router's table, as a pure function of a {@link RoutingSnapshot}. Ids are ARNs.
 * A listener binds its load balancer's address ({@code internal} → 127.0.0.1, {@code internet-facing} → 0.0.0.0);
 * rules keep their priorities; of a rule's actions the last by order is the one that answers (ELBv2's terminal
 * action); a target group carries its health check, deregistration delay and slow start, and only its targets that
 * are not draining (the router drains a target that leaves the table for the group's delay itself). What the router
 * cannot take is left out with the reason in {@link Translation#skipped()}, never thrown: one bad listener must not
 * stop the others.
 */
public final class RoutingTables {
    static final String NO_LOAD_BALANCER = "listener %s: its load balancer %s is not in the snapshot";
    static final String INVALID = "%s %s: %s";

    private RoutingTables() {}

    public static Translation translate(RoutingSnapshot s) {
        List<String> skipped = new ArrayList<>();
        List<dev.gantry.router.table.TargetGroup> groups = new ArrayList<>();
        for (TargetGroup g : s.targetGroups()) {
            try {
                groups.add(targetGroup(g, s.targets()));
            } catch (IllegalArgumentException e) {
                skipped.add(String.format(INVALID, "target group", g.arn(), e.getMessage()));
            }
        }
        Map<String, dev.gantry.router.table.TargetGroup> byId =
                groups.stream().collect(Collectors.toMap(dev.gantry.router.table.TargetGroup::id, g -> g));
        Map<String, LoadBalancer> lbs =
                s.loadBalancers().stream().collect(Collectors.toMap(LoadBalancer::arn, lb -> lb));
        Map<String, List<Rule>> rules = s.rules().stream().collect(Collectors.groupingBy(Rule::listenerArn));
        List<dev.gantry.router.table.Listener> listeners = new ArrayList<>();
        Map<String, String> lbOf = new HashMap<>();
        for (Listener l : s.listeners()) {
            LoadBalancer lb = lbs.get(l.loadBalancerArn());
            if (lb == null) {
                skipped.add(String.format(NO_LOAD_BALANCER, l.arn(), l.loadBalancerArn()));
                continue;
            }
            try {
                dev.gantry.router.table.Listener out = listener(l, lb, rules.getOrDefault(l.arn(), List.of()));
                checkGroups(out, byId);
                listeners.add(out);
                lbOf.put(l.arn(), lb.arn());
            } catch (IllegalArgumentException e) {
                skipped.add(String.format(INVALID, "listener", l.arn(), e.getMessage()));
            }
        }
        return new Translation(new RoutingTable(listeners, groups), lbOf, skipped);
    }

    /** What RoutingTable checks across records, per listener, so a bad one is skipped alone. */
    private static void checkGroups(
            dev.gantry.router.table.Listener l, Map<String, dev.gantry.router.table.TargetGroup> groups) {
        for (String id : l.targetGroupIds()) {
            dev.gantry.router.table.TargetGroup g = groups.get(id);
            if (g == null) {
                throw new IllegalArgumentException("forwards to target group " + id + ", which is not in the table");
            }
            if (l.protocol() == ListenerProtocol.TCP && g.protocol() != TargetProtocol.TCP) {
                throw new IllegalArgumentException("a TCP listener forwards to the HTTP target group " + id);
            }
        }
    }

    static dev.gantry.router.table.Listener listener(Listener l, LoadBalancer lb, List<Rule> rules) {
        List<dev.gantry.router.table.Rule> out = rules.stream()
                .sorted(Comparator.comparingInt(Rule::priority))
                .map(r -> new dev.gantry.router.table.Rule(
                        r.priority(),
                        r.conditions().stream().map(RoutingTables::condition).toList(),
                        Actions.terminal(r.actions())))
                .toList();
        return new dev.gantry.router.table.Listener(
                l.arn(),
                lb.bindAddress(),
                l.port(),
                l.protocol().equals("TCP") ? ListenerProtocol.TCP : ListenerProtocol.HTTP,
                out,
                Actions.terminal(l.defaultActions()));
    }

    static Condition condition(RuleCondition c) {
        return switch (c.field()) {
            case RuleCondition.PATH_PATTERN -> new Condition.PathPattern(c.values());
            case RuleCondition.HOST_HEADER -> new Condition.HostHeader(c.values());
            case RuleCondition.HTTP_HEADER ->
                new Condition.HttpHeader(
                        c.httpHeaderName()
                                .orElseThrow(() -> new IllegalArgumentException("http-header condition has no name")),
                        c.values());
            case RuleCondition.HTTP_REQUEST_METHOD -> new Condition.HttpRequestMethod(c.values());
            case RuleCondition.SOURCE_IP -> new Condition.SourceIp(c.values());
            case RuleCondition.QUERY_STRING ->
                new Condition.QueryString(c.queryStrings().stream()
                        .map(p -> new Condition.KeyValue(p.key(), p.value()))
                        .toList());
            default -> throw new IllegalArgumentException("unknown condition field " + c.field());
        };
    }

    static dev.gantry.router.table.TargetGroup targetGroup(TargetGroup g, List<RegisteredTarget> all) {
        TargetProtocol protocol = g.protocol().equals("TCP") ? TargetProtocol.TCP : TargetProtocol.HTTP;
        List<Target> targets = all.stream()
                .filter(t -> t.targetGroupArn().equals(g.arn()) && !t.draining())
                .map(t -> new Target(t.ip(), t.port()))
                .distinct()
                .toList();
        return new dev.gantry.router.table.TargetGroup(
                g.arn(), protocol, healthCheck(g), g.deregistrationDelay(), g.slowStart(), targets);
    }

    static dev.gantry.router.table.HealthCheck healthCheck(TargetGroup g) {
        HealthCheck h = g.healthCheck();
        TargetProtocol protocol = h.protocol().equals("TCP") ? TargetProtocol.TCP : TargetProtocol.HTTP;
        OptionalInt port = h.port().equals(HealthCheck.TRAFFIC_PORT)
                ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(h.port()));
        return new dev.gantry.router.table.HealthCheck(
                protocol,
                h.path().orElse("/"),
                port,
                Duration.ofSeconds(h.intervalSeconds()),
                Duration.ofSeconds(h.timeoutSeconds()),
                h.healthyThreshold(),
                h.unhealthyThreshold(),
                matcher(g));
    }

    /** ALB's HttpCode; a gRPC group's GrpcCode (0-99) has no HTTP meaning, so its checks accept 200 (documented). */
    private static Matcher matcher(TargetGroup g) {
        boolean grpc = g.protocolVersion().filter("GRPC"::equals).isPresent();
        return grpc ? Matcher.OK : g.healthCheck().matcher().map(Matcher::parse).orElse(Matcher.OK);
    }
}
