package dev.gantry.core.lb;

import java.util.List;
import java.util.Objects;

/** A listener rule other than the default one: a priority (1-50000, lower first), conditions, actions. */
public record Rule(String arn, String listenerArn, int priority, List<RuleCondition> conditions, List<Action> actions) {
    public Rule {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(listenerArn, "listenerArn");
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }

    public Rule withPriority(int p) {
        return new Rule(arn, listenerArn, p, conditions, actions);
    }
}
