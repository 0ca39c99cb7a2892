package dev.gantry.control.task;

import java.util.Map;

/**
 * The task cannot reach RUNNING. {@code reason} becomes stoppedReason (prefixed as ECS does, e.g.
 * "CannotPullContainerError: ..."); {@code containerReasons} become the named containers' reasons.
 */
final class TaskFailure extends RuntimeException {
    private final Map<String, String> containerReasons;

    TaskFailure(String reason, Map<String, String> containerReasons) {
        super(reason, null, false, false);
        this.containerReasons = Map.copyOf(containerReasons);
    }

    Map<String, String> containerReasons() {
        return containerReasons;
    }
}
