package dev.gantry.router.health;

import dev.gantry.router.table.Target;
import java.util.Objects;
import java.util.Optional;

/** One row of DescribeTargetHealth: a target of a group, its state, and (unless healthy) why. */
public record TargetHealth(
        String targetGroupId,
        Target target,
        TargetState state,
        Optional<HealthReason> reason,
        Optional<String> description) {

    public TargetHealth {
        Objects.requireNonNull(targetGroupId, "targetGroupId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(description, "description");
    }

    public static TargetHealth of(String targetGroupId, Target target, HealthStatus status) {
        return new TargetHealth(targetGroupId, target, status.state(), status.reason(), status.description());
    }

    /** What ELBv2 says of a target the group does not have: unused, Target.NotRegistered. */
    public static TargetHealth notRegistered(String targetGroupId, Target target) {
        HealthReason r = HealthReason.NOT_REGISTERED;
        return new TargetHealth(
                targetGroupId, target, TargetState.UNUSED, Optional.of(r), Optional.of(r.description()));
    }
}
