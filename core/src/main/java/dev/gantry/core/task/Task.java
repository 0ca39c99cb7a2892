package dev.gantry.core.task;

/**
 * A task as stored: the immutable spec, the desired half (one writer: the stop decision) and the observed half
 * (one writer: the task's runner). {@code version} increases by one on every change, as ECS's task version does.
 */
public record Task(TaskSpec spec, TaskDesired desired, TaskObserved observed, long version) {

    public String taskId() {
        return spec.taskId();
    }

    public String taskArn() {
        return spec.taskArn();
    }

    public boolean isStopped() {
        return observed.phase() == TaskPhase.STOPPED;
    }
}
