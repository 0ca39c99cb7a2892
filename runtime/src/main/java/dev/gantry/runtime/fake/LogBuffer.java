package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One fake container's output. Lines get strictly increasing timestamps (an engine's are nanosecond-precise, so a
 * resume from a line's timestamp never repeats or skips a line, even on a clock that does not move). Followers block
 * while the container runs and return once it has stopped and they have everything. Has its own lock, so a
 * follower never holds the driver's.
 */
final class LogBuffer {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<LogLine> lines = new ArrayList<>();
    private boolean live;

    void append(Instant now, boolean stderr, String message) {
        lock.lock();
        try {
            Instant at = lines.isEmpty() ? now : later(now, lines.getLast().timestamp());
            lines.add(new LogLine(at, stderr, message));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the container runs: followers wait for more output only while it does. */
    void live(boolean running) {
        lock.lock();
        try {
            live = running;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Delivers lines after {@code since} until the container has stopped and all are delivered, or interruption. */
    void follow(Optional<Instant> since, Consumer<LogLine> sink) {
        int cursor = 0;
        while (true) {
            List<LogLine> batch;
            boolean ended;
            lock.lock();
            try {
                while (cursor == lines.size() && live) {
                    changed.await();
                }
                batch = List.copyOf(lines.subList(cursor, lines.size()));
                cursor = lines.size();
                ended = !live;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            for (LogLine l : batch) {
                if (since.isEmpty() || l.timestamp().isAfter(since.get())) {
                    sink.accept(l);
                }
            }
            if (ended) {
                return;
            }
        }
    }

    private static Instant later(Instant now, Instant last) {
        return now.isAfter(last) ? now : last.plusNanos(1);
    }
}
