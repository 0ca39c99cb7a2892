package dev.gantry.core.lb;

import java.util.Objects;

/** One target group of a forward action and its weight (0-999; traffic splits in proportion). */
public record WeightedTargetGroup(String targetGroupArn, int weight) {
    public WeightedTargetGroup {
        Objects.requireNonNull(targetGroupArn, "targetGroupArn");
        if (weight < 0 || weight > 999) {
            throw new IllegalArgumentException("weight must be 0-999: " + weight);
        }
    }
}
