package dev.gantry.control.service;

import dev.gantry.control.lb.Target;
import java.util.Objects;

/** A task's target in one target group: what the scheduler registers and deregisters. */
public record TargetRef(String targetGroupArn, Target target) {
    public TargetRef {
        Objects.requireNonNull(targetGroupArn, "targetGroupArn");
        Objects.requireNonNull(target, "target");
    }
}
