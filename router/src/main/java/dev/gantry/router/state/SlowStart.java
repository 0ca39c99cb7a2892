package dev.gantry.router.state;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Slow start as a weight ramp: a target in slow start weighs {@code elapsed / duration} (at least 1%), others 1, and
 * a request picks a target at random in proportion to weight. Returns null when no target is ramping, so the
 * ordinary round-robin applies. Lock-free; reads only volatile fields.
 */
final class SlowStart {
    private static final double FLOOR = 0.01;

    private SlowStart() {}

    static TargetSlot pick(TargetSlot[] healthy, long durationNanos, long now) {
        double[] weights = null;
        double total = 0;
        for (int i = 0; i < healthy.length; i++) {
            long start = healthy[i].rampStart();
            double w = 1.0;
            if (start != 0) {
                long elapsed = now - start;
                if (elapsed < durationNanos) {
                    w = Math.max(FLOOR, (double) elapsed / durationNanos);
                    if (weights == null) {
                        weights = new double[healthy.length];
                        Arrays.fill(weights, 0, i, 1.0);
                    }
                }
            }
            if (weights != null) {
                weights[i] = w;
            }
            total += w;
        }
        if (weights == null) {
            return null;
        }
        double r = ThreadLocalRandom.current().nextDouble(total);
        for (int i = 0; i < healthy.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return healthy[i];
            }
        }
        return healthy[healthy.length - 1];
    }
}
