package dev.gantry.control.feed;

import dev.gantry.core.task.Task;
import dev.gantry.store.ecs.TaskStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans task transitions out to subscribers. {@link #publish} never blocks and never fails: each subscriber has
 * a bounded queue drained by its own virtual thread. On overflow the transition is dropped and its task marked
 * "resync needed"; further transitions of that task are dropped too until the subscriber's thread has read the
 * task from the store and delivered it as a {@link TaskTransition.Cause#SNAPSHOT}. Per task a subscriber
 * therefore sees strictly increasing versions, ending at the stored state, whether or not it fell behind.
 */
public final class TaskFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskFeed.class);
    /** Default per-subscriber queue length. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final TaskStore store;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    public TaskFeed(TaskStore store) {
        this.store = store;
    }

    /** Hands the transition to every subscriber's queue. Called by a task's runner after each committed change. */
    public void publish(TaskTransition t) {
        for (Subscription s : subscriptions) {
            s.offer(t);
        }
    }

    /** Subscribes with the default queue length and no initial snapshot. */
    public Subscription subscribe(String name, Consumer<TaskTransition> handler) {
        return subscribe(name, DEFAULT_CAPACITY, false, handler);
    }

    /**
     * Subscribes. With {@code snapshotFirst}, the handler first receives a SNAPSHOT of every unfinished task as
     * stored when this method is called (it reads the store before returning), then the transitions that follow. The handler runs on the subscription's own thread, one
     * transition at a time; an exception it throws is logged and the next transition delivered.
     */
    public Subscription subscribe(String name, int capacity, boolean snapshotFirst, Consumer<TaskTransition> handler) {
        Subscription s = new Subscription(name, capacity, handler, this::read, subscriptions::remove);
        subscriptions.add(s); // before the snapshot is read: nothing committed after it can be missed
        // Read here, not on the subscription's thread: the snapshot is the store as of this call, whenever that
        // thread first runs (a task that stopped meanwhile would otherwise be missing from it).
        List<Task> snapshot = snapshotFirst ? store.unfinished() : List.of();
        s.start(() -> snapshot);
        return s;
    }

    private List<Task> read(List<String> taskIds) {
        return taskIds.stream().flatMap(id -> store.find(id).stream()).toList();
    }

    /** Closes every subscription. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    static void logHandlerFailure(String name, TaskTransition t, RuntimeException e) {
        LOG.atWarn()
                .addKeyValue("subscriber", name)
                .addKeyValue("taskArn", t.taskArn())
                .setCause(e)
                .log("task feed subscriber failed on a transition");
    }

    static void logOverflow(String name, String taskId) {
        LOG.atWarn()
                .addKeyValue("subscriber", name)
                .addKeyValue("taskId", taskId)
                .log("task feed subscriber fell behind; the task will be resynced from the store");
    }
}
