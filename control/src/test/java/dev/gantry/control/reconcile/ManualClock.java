package dev.gantry.control.reconcile;

import dev.gantry.runtime.fake.FakeTimer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A clock that moves only when a test says so, and the {@link Scheduler} on it: {@link #advance} runs every
 * action that comes due, in due order, on the calling thread, with the clock set to each action's due time.
 * Also a {@link FakeTimer} for the fake driver's delayed script steps ({@link #asFakeTimer}).
 */
public final class ManualClock implements InstantSource, Scheduler {

    private static final class Entry {
        final Instant due;
        final long seq;
        final Runnable action;
        volatile boolean cancelled;

        Entry(Instant due, long seq, Runnable action) {
            this.due = due;
            this.seq = seq;
            this.action = action;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final PriorityQueue<Entry> pending =
            new PriorityQueue<>((a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
    private Instant now;
    private long seq;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant instant() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        lock.lock();
        try {
            Entry e = new Entry(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, action);
            pending.add(e);
            return () -> e.cancelled = true;
        } finally {
            lock.unlock();
        }
    }

    /** Moves the clock forward by {@code d}, running what comes due (actions run outside the clock's lock). */
    public void advance(Duration d) {
        Instant target;
        lock.lock();
        try {
            target = now.plus(d);
        } finally {
            lock.unlock();
        }
        while (true) {
            Entry next;
            lock.lock();
            try {
                next = pending.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                pending.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            } finally {
                lock.unlock();
            }
            if (!next.cancelled) {
                next.action.run();
            }
        }
    }

    /** Actions scheduled and neither run nor cancelled. */
    public int pending() {
        lock.lock();
        try {
            return (int) pending.stream().filter(e -> !e.cancelled).count();
        } finally {
            lock.unlock();
        }
    }

    public FakeTimer asFakeTimer() {
        return this::schedule;
    }
}
