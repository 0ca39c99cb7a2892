package dev.gantry.core.lb;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A listener: a port (a port of this host in Gantry), a protocol ({@code HTTP} on an ALB, {@code TCP} on an NLB),
 * its default actions, which are also its default rule ({@code defaultRuleArn}, priority {@code default}), and its
 * attributes (keys in order).
 */
public record Listener(
        String arn,
        String loadBalancerArn,
        int port,
        String protocol,
        List<Action> defaultActions,
        String defaultRuleArn,
        Map<String, String> attributes) {
    public Listener {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(loadBalancerArn, "loadBalancerArn");
        Objects.requireNonNull(protocol, "protocol");
        defaultActions = List.copyOf(defaultActions);
        Objects.requireNonNull(defaultRuleArn, "defaultRuleArn");
        attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public Listener with(int newPort, String newProtocol, List<Action> actions) {
        return new Listener(arn, loadBalancerArn, newPort, newProtocol, actions, defaultRuleArn, attributes);
    }

    public Listener withAttributes(Map<String, String> changed) {
        return new Listener(arn, loadBalancerArn, port, protocol, defaultActions, defaultRuleArn, changed);
    }
}
