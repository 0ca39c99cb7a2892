package dev.gantry.control.lb;

import dev.gantry.core.lb.WeightedTargetGroup;
import java.util.List;
import java.util.Objects;

/**
 * What a blue/green deployment reads of a listener rule (or a listener's default rule): the target groups its forward
 * action sends to and their weights (empty when the rule does not forward).
 */
public record ForwardRule(String ruleArn, List<WeightedTargetGroup> targetGroups) {
    public ForwardRule {
        Objects.requireNonNull(ruleArn, "ruleArn");
        targetGroups = List.copyOf(targetGroups);
    }

    /** Whether the rule forwards only to groups among {@code allowed} (and to at least one). */
    public boolean forwardsOnlyTo(List<String> allowed) {
        return !targetGroups.isEmpty() && targetGroups.stream().allMatch(g -> allowed.contains(g.targetGroupArn()));
    }

    /** The weight of {@code group} in the forward action, 0 if absent. */
    public int weightOf(String group) {
        return targetGroups.stream()
                .filter(g -> g.targetGroupArn().equals(group))
                .mapToInt(WeightedTargetGroup::weight)
                .sum();
    }
}
