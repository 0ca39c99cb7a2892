package dev.gantry.control.reconcile;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff for a failing key: {@code base}, 2×base, 4×base… up to {@code cap}. Pure. No jitter:
 * keys fail on their own schedules, and a deterministic delay keeps tests exact.
 */
public record Backoff(Duration base, Duration cap) {

    /** One second, doubling, at most five minutes. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("backoff base must be positive: " + base);
        }
        if (cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff cap " + cap + " is below its base " + base);
        }
    }

    /** The delay before the retry that follows the {@code failures}-th consecutive failure (1 for the first). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        int doublings = Math.min(failures - 1, 62);
        long factor = 1L << doublings;
        if (base.toNanos() > cap.toNanos() / factor) {
            return cap;
        }
        Duration d = base.multipliedBy(factor);
        return d.compareTo(cap) > 0 ? cap : d;
    }
}
