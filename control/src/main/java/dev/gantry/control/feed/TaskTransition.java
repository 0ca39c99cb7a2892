package dev.gantry.control.feed;

import dev.gantry.core.task.DesiredStatus;
import dev.gantry.core.task.HealthStatus;
import dev.gantry.core.task.TaskPhase;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A committed change of one task, as the feed delivers it. {@code version} is the task's stored version after the
 * change: per task, a subscriber sees strictly increasing versions. {@code from} is empty for a new task and for
 * {@link Cause#RESYNC} and {@link Cause#SNAPSHOT}, which report the current state rather than a change (their
 * {@code containers} list every container; a {@link Cause#CHANGED} lists only the containers that changed).
 */
public record TaskTransition(
        String taskId,
        String taskArn,
        long version,
        Cause cause,
        Optional<TaskPhase> from,
        TaskPhase to,
        HealthStatus health,
        DesiredStatus desired,
        List<ContainerChange> containers) {

    /** Why a transition was delivered. */
    public enum Cause {
        /** The task's runner (or, for a new task, the launcher) committed this change. */
        CHANGED,
        /** A restarted control plane re-adopted this unfinished task: its state as stored, changes may be lost. */
        RESYNC,
        /** Read from the store for this subscriber: on subscribing, or after its queue overflowed. */
        SNAPSHOT
    }

    public TaskTransition {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskArn, "taskArn");
        Objects.requireNonNull(cause, "cause");
        from = from == null ? Optional.empty() : from;
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(desired, "desired");
        containers = containers == null ? List.of() : List.copyOf(containers);
    }

    public boolean isStopped() {
        return to == TaskPhase.STOPPED;
    }
}
