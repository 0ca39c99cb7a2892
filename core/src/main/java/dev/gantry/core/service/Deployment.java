package dev.gantry.core.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One deployment of a service (ECS's {@code Deployment}). Created by CreateService / UpdateService (and by the
 * scheduler for a rollback); its counts, status and rollout state are written only by the scheduler.
 * {@code rollbackOf} names the failed deployment a rollback deployment replaces.
 */
public record Deployment(
        String id,
        String serviceArn,
        DeploymentTarget target,
        DeploymentStatus status,
        RolloutState rolloutState,
        String rolloutStateReason,
        int desiredCount,
        int pendingCount,
        int runningCount,
        int failedTasks,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> finishedAt,
        Optional<String> rollbackOf) {

    public Deployment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(serviceArn, "serviceArn");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rolloutState, "rolloutState");
        Objects.requireNonNull(rolloutStateReason, "rolloutStateReason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
        rollbackOf = rollbackOf == null ? Optional.empty() : rollbackOf;
    }

    /** A new PRIMARY deployment, IN_PROGRESS, with no tasks yet. */
    public static Deployment start(
            String id,
            String serviceArn,
            DeploymentTarget target,
            int desiredCount,
            Instant now,
            Optional<String> rollbackOf) {
        return new Deployment(
                id,
                serviceArn,
                target,
                DeploymentStatus.PRIMARY,
                RolloutState.IN_PROGRESS,
                ServiceMessages.inProgress(id),
                desiredCount,
                0,
                0,
                0,
                now,
                now,
                Optional.empty(),
                rollbackOf);
    }

    public boolean isPrimary() {
        return status == DeploymentStatus.PRIMARY;
    }

    public Deployment withStatus(DeploymentStatus s, Instant now) {
        return new Deployment(
                id,
                serviceArn,
                target,
                s,
                rolloutState,
                rolloutStateReason,
                desiredCount,
                pendingCount,
                runningCount,
                failedTasks,
                createdAt,
                now,
                finishedAt,
                rollbackOf);
    }

    public Deployment withRollout(RolloutState state, String reason, Instant now) {
        Optional<Instant> finished = state == RolloutState.IN_PROGRESS ? finishedAt : Optional.of(now);
        return new Deployment(
                id,
                serviceArn,
                target,
                status,
                state,
                reason,
                desiredCount,
                pendingCount,
                runningCount,
                failedTasks,
                createdAt,
                now,
                finished,
                rollbackOf);
    }

    public Deployment withCounts(int desired, int pending, int running, int failed, Instant now) {
        return new Deployment(
                id,
                serviceArn,
                target,
                status,
                rolloutState,
                rolloutStateReason,
                desired,
                pending,
                running,
                failed,
                createdAt,
                now,
                finishedAt,
                rollbackOf);
    }

    /** Same counts, state and status (what the scheduler compares before writing). */
    public boolean sameProgress(Deployment o) {
        return status == o.status
                && rolloutState == o.rolloutState
                && rolloutStateReason.equals(o.rolloutStateReason)
                && desiredCount == o.desiredCount
                && pendingCount == o.pendingCount
                && runningCount == o.runningCount
                && failedTasks == o.failedTasks;
    }
}
