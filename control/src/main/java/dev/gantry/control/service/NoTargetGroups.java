package dev.gantry.control.service;

import dev.gantry.control.lb.Target;
import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetGroupRegistry;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetState;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The target group registry until the ELBv2 slice is wired in: no target group exists, so a service naming one in
 * {@code loadBalancers} is refused by CreateService, and the scheduler never registers a target.
 */
public final class NoTargetGroups implements TargetGroupRegistry {
    @Override
    public Optional<TargetGroupRef> targetGroup(String targetGroupArn) {
        return Optional.empty();
    }

    @Override
    public void register(String targetGroupArn, Target target) {
        throw new IllegalStateException("no target group " + targetGroupArn);
    }

    @Override
    public void deregister(String targetGroupArn, Target target) {}

    @Override
    public TargetHealth health(String targetGroupArn, Target target) {
        return TargetHealth.of(TargetState.UNUSED, "Target.NotRegistered", "Target is not registered");
    }

    @Override
    public AutoCloseable onHealthChange(Consumer<String> listener) {
        return () -> {};
    }
}
