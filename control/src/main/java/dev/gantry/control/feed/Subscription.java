package dev.gantry.control.feed;

import dev.gantry.core.task.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One subscriber of the {@link TaskFeed}: a bounded queue filled by publishers (never blocking them), the tasks
 * marked for resync when it overflowed, and one virtual thread that delivers in order. {@code delivered}
 * remembers the last version handed over per task, so anything at or below it (a transition older than a
 * snapshot) is skipped. Closing it stops delivery and leaves the feed.
 */
public final class Subscription implements AutoCloseable {
    /** How many STOPPED tasks' last versions are remembered (to skip their stale transitions). */
    private static final int STOPPED_REMEMBERED = 10_000;

    private final String name;
    private final BlockingQueue<TaskTransition> queue;
    private final Set<String> resyncNeeded = ConcurrentHashMap.newKeySet();
    private final Consumer<TaskTransition> handler;
    private final Function<List<String>, List<Task>> reader;
    private final Map<String, Long> delivered = new LinkedHashMap<>();
    private final Map<String, Long> stopped = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > STOPPED_REMEMBERED;
        }
    };
    private final AtomicLong dropped = new AtomicLong();
    private final Consumer<Subscription> onClose;
    private volatile Thread thread;
    private volatile boolean closed;

    Subscription(
            String name,
            int capacity,
            Consumer<TaskTransition> handler,
            Function<List<String>, List<Task>> reader,
            Consumer<Subscription> onClose) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.handler = handler;
        this.reader = reader;
        this.onClose = onClose;
    }

    void start(Supplier<List<Task>> snapshot) {
        thread = Thread.ofVirtual().name("task-feed-" + name).start(() -> run(snapshot));
    }

    /** Never blocks: a full queue marks the task for resync instead. */
    void offer(TaskTransition t) {
        if (closed) {
            return;
        }
        if (resyncNeeded.contains(t.taskId()) || !queue.offer(t)) {
            if (resyncNeeded.add(t.taskId())) {
                TaskFeed.logOverflow(name, t.taskId());
            }
            dropped.incrementAndGet();
        }
    }

    /** Transitions dropped so far because this subscriber's queue was full (each task then resynced). */
    public long dropped() {
        return dropped.get();
    }

    private void run(Supplier<List<Task>> snapshot) {
        try {
            snapshot.get().forEach(t -> deliver(TaskTransitions.state(t, TaskTransition.Cause.SNAPSHOT)));
            while (!closed) {
                if (!resyncNeeded.isEmpty()) {
                    resync();
                }
                TaskTransition t = queue.poll(100, TimeUnit.MILLISECONDS);
                if (t != null) {
                    deliver(t);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resync() {
        List<String> ids = new ArrayList<>(resyncNeeded);
        ids.forEach(resyncNeeded::remove); // before reading: a change committed after the read is queued anew
        for (Task t : reader.apply(ids)) {
            deliver(TaskTransitions.state(t, TaskTransition.Cause.SNAPSHOT));
        }
    }

    private void deliver(TaskTransition t) {
        Long last = delivered.get(t.taskId());
        if ((last != null && t.version() <= last) || stopped.containsKey(t.taskId())) {
            return; // older than what this subscriber already has, or after the task's end
        }
        if (t.isStopped()) {
            delivered.remove(t.taskId());
            stopped.put(t.taskId(), t.version());
        } else {
            delivered.put(t.taskId(), t.version());
        }
        try {
            handler.accept(t);
        } catch (RuntimeException e) {
            TaskFeed.logHandlerFailure(name, t, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        onClose.accept(this);
        Thread th = thread;
        if (th != null) {
            th.interrupt();
        }
    }
}
