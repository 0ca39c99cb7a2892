package dev.gantry.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealth;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/**
 * What {@code gantry lb} prints for a load balancer: its listeners (port, protocol) with their rules in priority
 * order (conditions, actions with weights; the default rule last), then its target groups with their health check
 * and each target's health (state, reason code, description) as DescribeTargetHealth reports it. Pure.
 */
final class LbView {
    static final String DEFAULT = "default";

    private LbView() {}

    /** A listener and its rules (DescribeRules; may be empty when rules were not read). */
    record ListenerRules(Listener listener, List<Rule> rules) {
        ListenerRules {
            rules = List.copyOf(rules);
        }
    }

    /** A target group and the health of its targets. */
    record GroupHealth(TargetGroup group, List<TargetHealthDescription> targets) {
        GroupHealth {
            targets = List.copyOf(targets);
        }
    }

    /** Everything shown for one load balancer. */
    record Snapshot(LoadBalancer loadBalancer, List<ListenerRules> listeners, List<GroupHealth> groups) {
        Snapshot {
            listeners = List.copyOf(listeners);
            groups = List.copyOf(groups);
        }
    }

    static String render(Snapshot s) {
        LoadBalancer lb = s.loadBalancer();
        Function<String, String> names = names(s.groups());
        StringBuilder sb = new StringBuilder();
        sb.append(lb.loadBalancerName())
                .append(" (")
                .append(TaskFacts.orNone(lb.typeAsString()))
                .append(", ")
                .append(TaskFacts.orNone(lb.schemeAsString()))
                .append(", ")
                .append(
                        lb.state() == null
                                ? TaskFacts.NONE
                                : TaskFacts.orNone(lb.state().codeAsString()))
                .append(")\n");
        if (lb.dnsName() != null) {
            sb.append("  DNS: ").append(lb.dnsName()).append('\n');
        }
        sb.append("  ARN: ").append(TaskFacts.orNone(lb.loadBalancerArn())).append('\n');

        sb.append("  Listeners:\n");
        if (s.listeners().isEmpty()) {
            sb.append("    none\n");
        }
        List<ListenerRules> listeners = s.listeners().stream()
                .sorted(Comparator.comparing(l -> l.listener().port(), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        for (ListenerRules l : listeners) {
            sb.append("    ")
                    .append(TaskFacts.orNone(l.listener().protocolAsString()))
                    .append(':')
                    .append(TaskFacts.orNone(l.listener().port()))
                    .append('\n');
            sb.append(indent(rules(l, names).render(), "      "));
        }

        sb.append("  Target groups:\n");
        if (s.groups().isEmpty()) {
            sb.append("    none\n");
        }
        s.groups().stream()
                .sorted(Comparator.comparing(g -> g.group().targetGroupName()))
                .forEach(g -> sb.append(group(g)));
        return sb.toString();
    }

    /** One target group: its line, then its targets' health (or that it has none). */
    static String group(GroupHealth g) {
        TargetGroup tg = g.group();
        StringBuilder sb = new StringBuilder("    ")
                .append(tg.targetGroupName())
                .append("  ")
                .append(TaskFacts.orNone(tg.protocolAsString()))
                .append(':')
                .append(TaskFacts.orNone(tg.port()))
                .append("  target type ")
                .append(TaskFacts.orNone(tg.targetTypeAsString()))
                .append("  ")
                .append(healthCheck(tg))
                .append('\n');
        if (g.targets().isEmpty()) {
            sb.append("      no targets registered\n");
        } else {
            sb.append(indent(targets(g.targets()).render(), "      "));
        }
        return sb.toString();
    }

    /** DescribeTargetHealth as a table: one row per target, in the order given. */
    static Table targets(List<TargetHealthDescription> targets) {
        Table t = Table.of("TARGET", "STATE", "REASON", "DESCRIPTION");
        for (TargetHealthDescription d : targets) {
            String target = d.target() == null
                    ? TaskFacts.NONE
                    : d.target().id()
                            + (d.target().port() == null ? "" : ":" + d.target().port());
            TargetHealth h = d.targetHealth();
            t = t.row(
                    target,
                    h == null ? TaskFacts.NONE : TaskFacts.orNone(h.stateAsString()),
                    h == null ? TaskFacts.NONE : TaskFacts.orNone(h.reasonAsString()),
                    h == null ? TaskFacts.NONE : TaskFacts.orNone(h.description()));
        }
        return t;
    }

    /** {@code health HTTP /health every 5s, timeout 2s, healthy 2 / unhealthy 2, codes 200-299}. */
    static String healthCheck(TargetGroup tg) {
        if (Boolean.FALSE.equals(tg.healthCheckEnabled())) {
            return "health checks off";
        }
        StringBuilder sb = new StringBuilder("health ").append(TaskFacts.orNone(tg.healthCheckProtocolAsString()));
        if (tg.healthCheckPath() != null) {
            sb.append(' ').append(tg.healthCheckPath());
        }
        if (tg.healthCheckPort() != null && !"traffic-port".equals(tg.healthCheckPort())) {
            sb.append(" port ").append(tg.healthCheckPort());
        }
        sb.append(" every ")
                .append(TaskFacts.orNone(tg.healthCheckIntervalSeconds()))
                .append('s');
        sb.append(", timeout ")
                .append(TaskFacts.orNone(tg.healthCheckTimeoutSeconds()))
                .append('s');
        sb.append(", healthy ")
                .append(TaskFacts.orNone(tg.healthyThresholdCount()))
                .append(" / unhealthy ")
                .append(TaskFacts.orNone(tg.unhealthyThresholdCount()));
        if (tg.matcher() != null && tg.matcher().httpCode() != null) {
            sb.append(", codes ").append(tg.matcher().httpCode());
        }
        return sb.toString();
    }

    /** The listener's rules by priority, the default rule last (from the listener when DescribeRules omits it). */
    static Table rules(ListenerRules l, Function<String, String> names) {
        List<Rule> sorted = new ArrayList<>(l.rules());
        sorted.sort(Comparator.comparingLong(LbView::rank));
        Table t = Table.of("PRIORITY", "CONDITIONS", "ACTIONS");
        boolean sawDefault = false;
        for (Rule r : sorted) {
            boolean isDefault = isDefault(r);
            sawDefault |= isDefault;
            t = t.row(
                    isDefault ? DEFAULT : TaskFacts.orNone(r.priority()),
                    isDefault && r.conditions().isEmpty() ? TaskFacts.NONE : LbRules.conditions(r.conditions()),
                    LbRules.actions(r.actions(), names));
        }
        if (!sawDefault) {
            t = t.row(DEFAULT, TaskFacts.NONE, LbRules.actions(l.listener().defaultActions(), names));
        }
        return t;
    }

    /** Target-group ARN → name, from the groups shown; other ARNs by the name inside them. */
    static Function<String, String> names(List<GroupHealth> groups) {
        Map<String, String> byArn = new HashMap<>();
        groups.forEach(g -> byArn.put(g.group().targetGroupArn(), g.group().targetGroupName()));
        return arn -> byArn.getOrDefault(arn, nameInArn(arn));
    }

    /** {@code arn:...:targetgroup/web/0123} → {@code web}; anything else unchanged. */
    static String nameInArn(String arn) {
        if (arn == null) {
            return TaskFacts.NONE;
        }
        int at = arn.indexOf(":targetgroup/");
        if (at < 0) {
            return arn;
        }
        String rest = arn.substring(at + ":targetgroup/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static boolean isDefault(Rule r) {
        return Boolean.TRUE.equals(r.isDefault()) || DEFAULT.equals(r.priority());
    }

    private static long rank(Rule r) {
        if (isDefault(r)) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(r.priority());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE - 1; // unreadable priorities after the numbered ones, before the default
        }
    }

    private static String indent(String block, String by) {
        return block.lines().map(l -> by + l + "\n").collect(Collectors.joining());
    }
}
