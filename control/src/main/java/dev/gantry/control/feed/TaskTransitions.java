package dev.gantry.control.feed;

import dev.gantry.core.task.ContainerState;
import dev.gantry.core.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pure: the transition between two stored versions of a task, or the state of one as a RESYNC or SNAPSHOT. */
public final class TaskTransitions {
    private TaskTransitions() {}

    /**
     * The change from {@code before} to {@code after}, if its phase, health or any container's status, exit or
     * health changed; empty for a change the feed does not report (the desired half, timestamps, ids).
     */
    public static Optional<TaskTransition> between(Task before, Task after) {
        List<ContainerChange> changed = new ArrayList<>();
        for (ContainerState s : after.observed().containers()) {
            Optional<ContainerState> old = before.observed().container(s.name());
            if (old.isEmpty() || !ContainerChange.of(old.get()).equals(ContainerChange.of(s))) {
                changed.add(ContainerChange.of(s));
            }
        }
        boolean phase = before.observed().phase() != after.observed().phase();
        boolean health = before.observed().healthStatus() != after.observed().healthStatus();
        if (!phase && !health && changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TaskTransition(
                after.taskId(),
                after.taskArn(),
                after.version(),
                TaskTransition.Cause.CHANGED,
                Optional.of(before.observed().phase()),
                after.observed().phase(),
                after.observed().healthStatus(),
                after.desired().status(),
                changed));
    }

    /** A task that has just been created: no earlier phase. */
    public static TaskTransition created(Task t) {
        return state(t, TaskTransition.Cause.CHANGED);
    }

    /** The task as it is, for a cause that reports state rather than a change. */
    public static TaskTransition state(Task t, TaskTransition.Cause cause) {
        return new TaskTransition(
                t.taskId(),
                t.taskArn(),
                t.version(),
                cause,
                Optional.empty(),
                t.observed().phase(),
                t.observed().healthStatus(),
                t.desired().status(),
                t.observed().containers().stream().map(ContainerChange::of).toList());
    }
}
