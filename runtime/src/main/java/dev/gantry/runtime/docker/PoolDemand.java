package dev.gantry.runtime.docker;

import java.time.Duration;

/**
 * How many warm sandboxes to keep: at least the configured number, and as many as the largest burst of claims seen
 * recently (up to a cap), so that a burst finds its sandboxes ready the next time it comes. Claims are counted in
 * buckets of {@code window}; a burst is the claims of two adjacent buckets; it is remembered for {@code memory}, then
 * the target falls back. Pure and thread-safe (one lock, no I/O); time is passed in as nanoTime-like values.
 */
final class PoolDemand {
    private final int configured;
    private final int cap;
    private final long windowNanos;
    private final int[] counts;
    private final long[] bucketOf;

    /**
     * @param configured the floor (0 disables the pool: demand never grows it)
     * @param cap        the most warm sandboxes demand may ask for
     */
    PoolDemand(int configured, int cap, Duration window, Duration memory) {
        if (configured < 0 || cap < configured) {
            throw new IllegalArgumentException("need 0 <= configured <= cap: " + configured + ", " + cap);
        }
        this.configured = configured;
        this.cap = cap;
        this.windowNanos = window.toNanos();
        int buckets = (int) Math.max(2, memory.toNanos() / windowNanos);
        this.counts = new int[buckets];
        this.bucketOf = new long[buckets];
        java.util.Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    synchronized void claimed(long nowNanos) {
        long b = Math.floorDiv(nowNanos, windowNanos);
        int i = slot(b);
        if (bucketOf[i] != b) {
            bucketOf[i] = b;
            counts[i] = 0;
        }
        counts[i]++;
    }

    /** The number of warm sandboxes wanted now. */
    synchronized int target(long nowNanos) {
        if (configured == 0) {
            return 0;
        }
        long now = Math.floorDiv(nowNanos, windowNanos);
        int peak = 0;
        for (long b = now - counts.length + 1; b <= now; b++) {
            peak = Math.max(peak, count(b) + count(b + 1));
        }
        return Math.max(configured, Math.min(cap, peak));
    }

    /**
     * How long a deferred refill still waits, in nanoseconds (0: refill now). It waits until claims have been quiet
     * for {@code quiet}, so it does not compete with a burst in progress, but never longer than {@code maxDefer} after
     * it was first deferred ({@code deferredSince}), so that steady load (a claim every less than {@code quiet})
     * still refills; and not at all when the pool is empty, since then every claim goes cold anyway.
     */
    static long refillDelayNanos(
            long nowNanos,
            long lastClaimNanos,
            long deferredSinceNanos,
            boolean poolEmpty,
            Duration quiet,
            Duration maxDefer) {
        if (poolEmpty) {
            return 0;
        }
        long quietAt = lastClaimNanos + quiet.toNanos();
        long latest = deferredSinceNanos + maxDefer.toNanos();
        return Math.max(0, Math.min(quietAt, latest) - nowNanos);
    }

    private int count(long b) {
        int i = slot(b);
        return bucketOf[i] == b ? counts[i] : 0;
    }

    private int slot(long b) {
        return (int) Math.floorMod(b, (long) counts.length);
    }
}
