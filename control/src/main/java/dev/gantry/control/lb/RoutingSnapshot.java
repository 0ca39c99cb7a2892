package dev.gantry.control.lb;

import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.RegisteredTarget;
import dev.gantry.core.lb.Rule;
import dev.gantry.core.lb.TargetGroup;
import java.util.List;

/**
 * The complete load-balancing configuration at one committed instant, for the data plane: load balancers (scheme
 * → bind address), listeners with their default actions, rules in priority order per listener, target groups
 * (health-check settings, attributes such as the deregistration delay and slow start) and every registered
 * target, draining ones with the instant their drain ends. Immutable; {@code version} grows with each change.
 */
public record RoutingSnapshot(
        long version,
        List<LoadBalancer> loadBalancers,
        List<Listener> listeners,
        List<Rule> rules,
        List<TargetGroup> targetGroups,
        List<RegisteredTarget> targets) {
    public RoutingSnapshot {
        loadBalancers = List.copyOf(loadBalancers);
        listeners = List.copyOf(listeners);
        rules = List.copyOf(rules);
        targetGroups = List.copyOf(targetGroups);
        targets = List.copyOf(targets);
    }
}
