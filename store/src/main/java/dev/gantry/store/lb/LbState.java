package dev.gantry.store.lb;

import dev.gantry.core.lb.Listener;
import dev.gantry.core.lb.LoadBalancer;
import dev.gantry.core.lb.RegisteredTarget;
import dev.gantry.core.lb.Rule;
import dev.gantry.core.lb.TargetGroup;
import java.util.List;

/** Every ELBv2 object, as of one read transaction. */
public record LbState(
        List<LoadBalancer> loadBalancers,
        List<Listener> listeners,
        List<Rule> rules,
        List<TargetGroup> targetGroups,
        List<RegisteredTarget> targets) {
    public LbState {
        loadBalancers = List.copyOf(loadBalancers);
        listeners = List.copyOf(listeners);
        rules = List.copyOf(rules);
        targetGroups = List.copyOf(targetGroups);
        targets = List.copyOf(targets);
    }
}
