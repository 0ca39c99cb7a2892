package dev.gantry.store.ecs;

import dev.gantry.core.task.NetworkAttachment;
import dev.gantry.core.task.TaskObserved;
import java.time.Instant;
import java.util.Optional;

/**
 * The part of a task's observed half kept as one JSON column ({@code observed}): the sandbox, its network
 * attachment and the lifecycle timestamps. Phase, health and containers have columns of their own, so a report
 * that changes only them does not rewrite this.
 */
record ObservedDetail(
        Optional<String> sandboxId,
        Optional<NetworkAttachment> attachment,
        Optional<Instant> pullStartedAt,
        Optional<Instant> pullStoppedAt,
        Optional<Instant> connectivityAt,
        Optional<Instant> startedAt,
        Optional<Instant> stoppingAt,
        Optional<Instant> executionStoppedAt,
        Optional<Instant> stoppedAt) {

    ObservedDetail {
        sandboxId = sandboxId == null ? Optional.empty() : sandboxId;
        attachment = attachment == null ? Optional.empty() : attachment;
        pullStartedAt = pullStartedAt == null ? Optional.empty() : pullStartedAt;
        pullStoppedAt = pullStoppedAt == null ? Optional.empty() : pullStoppedAt;
        connectivityAt = connectivityAt == null ? Optional.empty() : connectivityAt;
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        stoppingAt = stoppingAt == null ? Optional.empty() : stoppingAt;
        executionStoppedAt = executionStoppedAt == null ? Optional.empty() : executionStoppedAt;
        stoppedAt = stoppedAt == null ? Optional.empty() : stoppedAt;
    }

    static ObservedDetail of(TaskObserved o) {
        return new ObservedDetail(
                o.sandboxId(),
                o.attachment(),
                o.pullStartedAt(),
                o.pullStoppedAt(),
                o.connectivityAt(),
                o.startedAt(),
                o.stoppingAt(),
                o.executionStoppedAt(),
                o.stoppedAt());
    }
}
