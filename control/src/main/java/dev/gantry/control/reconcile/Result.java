package dev.gantry.control.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * What one pass of a {@link Reconciler} over a key concluded. Closed: the {@link Controller} handles each case.
 * <ul>
 *   <li>{@link Done}: the key is as desired; nothing more until it is enqueued again (an event, a resync). Resets
 *       the key's backoff.
 *   <li>{@link RequeueAfter}: as desired for now, but look again after {@code delay} (a deployment waiting for
 *       tasks to become healthy, a cooldown). Resets the key's backoff.
 *   <li>{@link Failed}: try again after the key's next backoff delay (capped exponential).
 * </ul>
 */
public sealed interface Result {

    Done DONE = new Done();

    static Result done() {
        return DONE;
    }

    static Result requeueAfter(Duration delay) {
        return new RequeueAfter(delay);
    }

    static Result failed(Throwable cause) {
        return new Failed(cause);
    }

    /** The key is as desired. */
    record Done() implements Result {}

    /** Look at the key again after {@code delay} (positive). */
    record RequeueAfter(Duration delay) implements Result {
        public RequeueAfter {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("requeue delay must be positive: " + delay);
            }
        }
    }

    /** The pass failed; retried with backoff. A reconciler that throws is treated as Failed with what it threw. */
    record Failed(Throwable cause) implements Result {
        public Failed {
            Objects.requireNonNull(cause, "cause");
        }
    }
}
