package dev.gantry.control.lb;

import dev.gantry.core.lb.Action;
import dev.gantry.core.lb.RuleCondition;
import java.util.List;
import java.util.Optional;

/** A rule as DescribeRules shows it: a listener's default rule has no priority ({@code default}) and no conditions. */
public record RuleView(
        String arn,
        Optional<Integer> priority,
        List<RuleCondition> conditions,
        List<Action> actions,
        boolean isDefault) {
    public RuleView {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }
}
