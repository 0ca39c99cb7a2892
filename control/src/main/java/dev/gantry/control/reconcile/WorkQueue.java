package dev.gantry.control.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A keyed work queue with client-go's guarantees, written for Gantry:
 * <ul>
 *   <li>De-duplication: a key added any number of times while it waits is handed out once.
 *   <li>One at a time: a key being worked is not handed out again; if it is added meanwhile it is handed out again
 *       once its worker calls {@link #done} (so nothing added during a pass is lost).
 *   <li>Fair: keys are handed out in the order they became ready.
 *   <li>Delayed adds ({@link #addAfter}) through a {@link Scheduler}; of several pending delays for one key the
 *       earliest wins, so a retry is never pushed back by a later one.
 * </ul>
 * States of a key: absent → waiting ({@code dirty}, in {@code ready}) → working ({@code working}) → absent, or back
 * to waiting if it was added while worked. Thread-safe; {@link #take} blocks.
 */
final class WorkQueue<K> {

    /** A pending delayed add; {@code token} tells it from a later one that replaced it. */
    private record Delayed(Instant due, Object token, Scheduler.Cancellable handle) {}

    private final InstantSource clock;
    private final Scheduler scheduler;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<K> ready = new ArrayDeque<>();
    private final Set<K> dirty = new HashSet<>();
    private final Set<K> working = new HashSet<>();
    private final Map<K, Delayed> delayed = new HashMap<>();
    private boolean shutDown;

    WorkQueue(InstantSource clock, Scheduler scheduler) {
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** Makes {@code key} ready (or marks it to be re-worked if it is being worked). Ignored after shutdown. */
    void add(K key) {
        lock.lock();
        try {
            if (shutDown || !dirty.add(key) || working.contains(key)) {
                return;
            }
            ready.add(key);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Adds {@code key} after {@code delay}, unless an earlier delayed add of it is already pending. */
    void addAfter(K key, Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        lock.lock();
        try {
            if (shutDown) {
                return;
            }
            Instant due = clock.instant().plus(delay);
            Delayed pending = delayed.get(key);
            if (pending != null && !pending.due().isAfter(due)) {
                return;
            }
            if (pending != null) {
                pending.handle().cancel();
            }
            Object token = new Object();
            Scheduler.Cancellable handle = scheduler.schedule(delay, () -> fire(key, token));
            delayed.put(key, new Delayed(due, token, handle));
        } finally {
            lock.unlock();
        }
    }

    /** A delayed add comes due; one that was replaced (or dropped by shutdown) does nothing. */
    private void fire(K key, Object token) {
        lock.lock();
        try {
            Delayed d = delayed.get(key);
            if (d == null || d.token() != token) {
                return;
            }
            delayed.remove(key);
        } finally {
            lock.unlock();
        }
        add(key);
    }

    /** The next ready key, now being worked; empty once shut down. Blocks while nothing is ready. */
    Optional<K> take() throws InterruptedException {
        lock.lock();
        try {
            while (ready.isEmpty() && !shutDown) {
                changed.await();
            }
            if (shutDown) {
                return Optional.empty();
            }
            K key = ready.poll();
            dirty.remove(key);
            working.add(key);
            return Optional.of(key);
        } finally {
            lock.unlock();
        }
    }

    /** Ends the work on {@code key}; if it was added meanwhile it becomes ready again. */
    void done(K key) {
        lock.lock();
        try {
            working.remove(key);
            if (dirty.contains(key) && !shutDown) {
                ready.add(key);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Hands out nothing more, drops pending delayed adds and wakes every {@link #take}. Keys being worked finish. */
    void shutDown() {
        lock.lock();
        try {
            shutDown = true;
            delayed.values().forEach(d -> d.handle().cancel());
            delayed.clear();
            ready.clear();
            dirty.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no key is ready or being worked (delayed adds may be pending). False if {@code limit} passed. */
    boolean awaitIdle(Duration limit) throws InterruptedException {
        long nanos = limit.toNanos();
        lock.lock();
        try {
            while (!ready.isEmpty() || !working.isEmpty()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no key is being worked (after shutdown). False if {@code limit} passed. */
    boolean awaitNoneWorking(long limit, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(limit);
        lock.lock();
        try {
            while (!working.isEmpty()) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Keys ready to be handed out. */
    int readyCount() {
        lock.lock();
        try {
            return ready.size();
        } finally {
            lock.unlock();
        }
    }

    /** Keys with a delayed add pending. */
    int delayedCount() {
        lock.lock();
        try {
            return delayed.size();
        } finally {
            lock.unlock();
        }
    }
}
