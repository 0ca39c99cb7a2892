package dev.gantry.core.task;

import java.time.Instant;
import java.util.Optional;

/**
 * The control plane's wish for a task. Written only by whoever decides the task should stop, once, by
 * compare-and-set from RUNNING to STOPPED: the first decision (user, essential exit, failure) wins.
 */
public record TaskDesired(
        DesiredStatus status,
        Optional<StopCode> stopCode,
        Optional<String> stoppedReason,
        Optional<Instant> stopRequestedAt) {

    public TaskDesired {
        stopCode = stopCode == null ? Optional.empty() : stopCode;
        stoppedReason = stoppedReason == null ? Optional.empty() : stoppedReason;
        stopRequestedAt = stopRequestedAt == null ? Optional.empty() : stopRequestedAt;
    }

    public static TaskDesired running() {
        return new TaskDesired(DesiredStatus.RUNNING, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static TaskDesired stopped(StopCode code, String reason, Instant at) {
        return new TaskDesired(DesiredStatus.STOPPED, Optional.of(code), Optional.of(reason), Optional.of(at));
    }
}
