package dev.gantry.core.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scheduler has recorded about one task of its service (one writer: the scheduler), so a restart resumes
 * where it was: when the task first counted as healthy (resets the circuit breaker's failure count), when its
 * targets were registered, when their draining began (the task is stopped after the deregistration delay).
 */
public record TaskMark(
        String taskId,
        String serviceArn,
        Optional<Instant> healthyAt,
        Optional<Instant> registeredAt,
        Optional<Instant> drainStartedAt) {

    public TaskMark {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(serviceArn, "serviceArn");
        healthyAt = healthyAt == null ? Optional.empty() : healthyAt;
        registeredAt = registeredAt == null ? Optional.empty() : registeredAt;
        drainStartedAt = drainStartedAt == null ? Optional.empty() : drainStartedAt;
    }

    public static TaskMark none(String taskId, String serviceArn) {
        return new TaskMark(taskId, serviceArn, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public TaskMark healthy(Instant at) {
        return new TaskMark(taskId, serviceArn, healthyAt.or(() -> Optional.of(at)), registeredAt, drainStartedAt);
    }

    public TaskMark registered(Instant at) {
        return new TaskMark(taskId, serviceArn, healthyAt, Optional.of(at), drainStartedAt);
    }

    public TaskMark draining(Instant at) {
        return new TaskMark(taskId, serviceArn, healthyAt, registeredAt, drainStartedAt.or(() -> Optional.of(at)));
    }
}
