package dev.gantry.control.lb;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the data plane's health checks say about a target: the router probes and this reads its verdicts. Empty
 * when no check has concluded for the target yet (ELB then reports {@code initial}).
 */
public interface TargetHealthSource {

    /** The checked health of {@code target} in the group ({@code healthy} or {@code unhealthy} with a reason). */
    Optional<TargetHealth> health(String targetGroupArn, Target target);

    /** Calls {@code listener} with a group's ARN when a target's checked health changes. */
    AutoCloseable onChange(Consumer<String> listener);

    /** No health checks run: every registered target stays {@code initial} (a documented gap until the router). */
    TargetHealthSource NONE = new TargetHealthSource() {
        @Override
        public Optional<TargetHealth> health(String targetGroupArn, Target target) {
            return Optional.empty();
        }

        @Override
        public AutoCloseable onChange(Consumer<String> listener) {
            return () -> {};
        }
    };
}
