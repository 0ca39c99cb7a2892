package dev.gantry.core.lb;

import java.util.List;
import java.util.Objects;

/**
 * A listener: a port (a port of this host in Gantry), a protocol ({@code HTTP} on an ALB, {@code TCP} on an NLB)
 * and its default actions, which are also its default rule ({@code defaultRuleArn}, priority {@code default}).
 */
public record Listener(
        String arn,
        String loadBalancerArn,
        int port,
        String protocol,
        List<Action> defaultActions,
        String defaultRuleArn) {
    public Listener {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(loadBalancerArn, "loadBalancerArn");
        Objects.requireNonNull(protocol, "protocol");
        defaultActions = List.copyOf(defaultActions);
        Objects.requireNonNull(defaultRuleArn, "defaultRuleArn");
    }

    public Listener with(int newPort, String newProtocol, List<Action> actions) {
        return new Listener(arn, loadBalancerArn, newPort, newProtocol, actions, defaultRuleArn);
    }
}
