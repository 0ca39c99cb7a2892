package dev.gantry.control.reconcile;

import java.time.Duration;

/**
 * Runs an action after a delay: the reconcile runtime's only source of timing (backoff retries, requeue-after,
 * resync). Production uses {@link SystemScheduler}; tests pass a clock they advance by hand, so timing is
 * deterministic. Actions are short and never block (they enqueue a key).
 */
public interface Scheduler {

    Cancellable schedule(Duration delay, Runnable action);

    /** A scheduled action that has not run yet can be cancelled; cancelling one that ran does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
