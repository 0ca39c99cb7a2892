package dev.gantry.control.service;

import dev.gantry.control.lb.Target;
import dev.gantry.control.lb.TargetGroupRef;
import dev.gantry.control.lb.TargetGroupRegistry;
import dev.gantry.control.lb.TargetHealth;
import dev.gantry.control.lb.TargetState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** One target group in memory, as ELBv2 behaves for the scheduler: register → initial, health set by the test. */
final class FakeTargetGroups implements TargetGroupRegistry {
    static final String TG = "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/1";

    final Map<Target, TargetHealth> targets = new ConcurrentHashMap<>();
    /** "register 10.0.0.1:8080" / "deregister …", in call order. */
    final List<String> calls = new CopyOnWriteArrayList<>();

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Duration deregistrationDelay;

    FakeTargetGroups(Duration deregistrationDelay) {
        this.deregistrationDelay = deregistrationDelay;
    }

    @Override
    public Optional<TargetGroupRef> targetGroup(String arn) {
        return arn.equals(TG)
                ? Optional.of(new TargetGroupRef(TG, "web", "HTTP", 8080, "ip", List.of("lb"), deregistrationDelay))
                : Optional.empty();
    }

    @Override
    public void register(String arn, Target target) {
        calls.add("register " + target.ip() + ":" + target.port());
        targets.putIfAbsent(target, TargetHealth.of(TargetState.INITIAL, "Elb.InitialHealthChecking", "Initial"));
    }

    @Override
    public void deregister(String arn, Target target) {
        calls.add("deregister " + target.ip() + ":" + target.port());
        targets.computeIfPresent(
                target, (t, h) -> TargetHealth.of(TargetState.DRAINING, "Target.DeregistrationInProgress", "x"));
    }

    @Override
    public TargetHealth health(String arn, Target target) {
        return targets.getOrDefault(
                target, TargetHealth.of(TargetState.UNUSED, "Target.NotRegistered", "Target is not registered"));
    }

    /** Sets a registered target's health and tells the listeners, as the health checker would. */
    void set(Target target, TargetHealth health) {
        targets.put(target, health);
        listeners.forEach(l -> l.accept(TG));
    }

    @Override
    public AutoCloseable onHealthChange(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
