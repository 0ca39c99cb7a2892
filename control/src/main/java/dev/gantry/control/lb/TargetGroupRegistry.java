package dev.gantry.control.lb;

import dev.gantry.core.lb.WeightedTargetGroup;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the service scheduler needs from load balancing: look up a target group, register a task's address in it,
 * deregister it (the target drains for the group's deregistration delay, then is gone) and read its health as
 * DescribeTargetHealth reports it. Registering or deregistering twice is a no-op, as in ELBv2.
 */
public interface TargetGroupRegistry {

    /** The target group, if it exists. */
    Optional<TargetGroupRef> targetGroup(String targetGroupArn);

    /** Puts {@code target} behind the group; its health starts {@code initial}. */
    void register(String targetGroupArn, Target target);

    /** Starts draining {@code target}: {@code draining} for the deregistration delay, then {@code unused}. */
    void deregister(String targetGroupArn, Target target);

    /** The target's health now; {@code unused} with {@code Target.NotRegistered} for a target not in the group. */
    TargetHealth health(String targetGroupArn, Target target);

    /** Calls {@code listener} with a target group's ARN whenever the health of one of its targets changes. */
    AutoCloseable onHealthChange(Consumer<String> listener);

    /**
     * The listener rule (or listener default rule) {@code ruleArn}, for BLUE_GREEN, LINEAR and CANARY deployments;
     * empty if it does not exist. A registry without listener rules (a test's fake) has none.
     */
    default Optional<ForwardRule> listenerRule(String ruleArn) {
        return Optional.empty();
    }

    /**
     * Makes the rule's forward action send to {@code groups} with their weights, as a ModifyRule would: stored and
     * published to the router. Does nothing when the rule already forwards exactly so.
     */
    default void forward(String ruleArn, List<WeightedTargetGroup> groups) {
        throw new UnsupportedOperationException("this registry has no listener rules");
    }
}
