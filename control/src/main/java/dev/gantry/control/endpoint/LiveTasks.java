package dev.gantry.control.endpoint;

import dev.gantry.control.feed.Subscription;
import dev.gantry.control.feed.TaskFeed;
import dev.gantry.control.feed.TaskTransition;
import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.Task;
import dev.gantry.store.ecs.TaskStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The unfinished tasks that have an IP, indexed by that IP, kept current from the task feed: each transition
 * re-reads its task on the feed's thread, so a look-up on the endpoint's request path is a map read. A task leaves
 * the index when it stops; an IP handed to a newer task points at the newer one.
 */
public final class LiveTasks implements AutoCloseable {
    private final Map<String, Task> byIp = new ConcurrentHashMap<>();
    private final Map<String, String> ipByTaskId = new ConcurrentHashMap<>();
    private final Function<String, Optional<Task>> read;
    private volatile Subscription subscription;

    /** An index fed by {@link #follow}; {@code read} reads a task by id (the store). */
    public LiveTasks(Function<String, Optional<Task>> read) {
        this.read = read;
    }

    /** Subscribes to {@code feed}, starting from a snapshot of the unfinished tasks. */
    public static LiveTasks follow(TaskFeed feed, TaskStore store) {
        LiveTasks live = new LiveTasks(store::find);
        live.subscription = feed.subscribe("task-endpoint", TaskFeed.DEFAULT_CAPACITY, true, live::onTransition);
        return live;
    }

    /** The unfinished task whose IP this is. */
    public Optional<Task> atIp(String ip) {
        return Optional.ofNullable(byIp.get(ip));
    }

    /**
     * The task as stored now, indexed again (forgotten if it stopped): for a caller that must see a committed
     * change whose feed transition may still be on its way to this index. A store read: not for every request.
     */
    public Optional<Task> reread(String taskId) {
        Optional<Task> stored = read.apply(taskId);
        stored.ifPresent(this::put);
        return stored.filter(t -> !t.isStopped());
    }

    /** Every unfinished task that has an address (its sandbox claimed). */
    public java.util.List<Task> all() {
        return java.util.List.copyOf(byIp.values());
    }

    /** How many tasks are indexed. */
    public int size() {
        return byIp.size();
    }

    void onTransition(TaskTransition t) {
        if (t.isStopped()) {
            forget(t.taskId());
            return;
        }
        read.apply(t.taskId()).ifPresentOrElse(this::put, () -> forget(t.taskId()));
    }

    /** Indexes (or re-indexes) {@code task} by its IP; a stopped task or one without an IP is forgotten. */
    public void put(Task task) {
        Optional<String> ip = task.observed()
                .attachment()
                .map(NetworkAttachment::privateIPv4Address)
                .filter(a -> !a.isBlank());
        if (task.isStopped() || ip.isEmpty()) {
            forget(task.taskId());
            return;
        }
        String previous = ipByTaskId.put(task.taskId(), ip.get());
        if (previous != null && !previous.equals(ip.get())) {
            byIp.computeIfPresent(previous, (k, v) -> v.taskId().equals(task.taskId()) ? null : v);
        }
        byIp.merge(
                ip.get(),
                task,
                (old, neu) -> old.taskId().equals(neu.taskId()) && old.version() > neu.version() ? old : neu);
    }

    void forget(String taskId) {
        String ip = ipByTaskId.remove(taskId);
        if (ip != null) {
            byIp.computeIfPresent(ip, (k, v) -> v.taskId().equals(taskId) ? null : v);
        }
    }

    @Override
    public void close() {
        Subscription s = subscription;
        if (s != null) {
            s.close();
        }
    }
}
