package dev.gantry.core.task;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the runner has observed of one container; {@code lastStatus} as ECS reports it.
 */
public record ContainerState(
        String name,
        String containerId,
        Optional<String> runtimeId,
        ContainerStatus lastStatus,
        Optional<Integer> exitCode,
        Optional<String> reason,
        HealthStatus healthStatus,
        Optional<String> imageDigest,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt) {

    public ContainerState {
        Objects.requireNonNull(lastStatus, "lastStatus");
        runtimeId = runtimeId == null ? Optional.empty() : runtimeId;
        exitCode = exitCode == null ? Optional.empty() : exitCode;
        reason = reason == null ? Optional.empty() : reason;
        imageDigest = imageDigest == null ? Optional.empty() : imageDigest;
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
    }

    public static ContainerState pending(String name, String containerId) {
        return new ContainerState(
                name,
                containerId,
                Optional.empty(),
                ContainerStatus.PENDING,
                Optional.empty(),
                Optional.empty(),
                HealthStatus.UNKNOWN,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public boolean isStopped() {
        return lastStatus == ContainerStatus.STOPPED;
    }

    public ContainerState withRuntimeId(String id) {
        return new ContainerState(
                name,
                containerId,
                Optional.of(id),
                lastStatus,
                exitCode,
                reason,
                healthStatus,
                imageDigest,
                startedAt,
                finishedAt);
    }

    public ContainerState withImageDigest(String digest) {
        return new ContainerState(
                name,
                containerId,
                runtimeId,
                lastStatus,
                exitCode,
                reason,
                healthStatus,
                Optional.ofNullable(digest),
                startedAt,
                finishedAt);
    }

    public ContainerState running(Instant at) {
        return new ContainerState(
                name,
                containerId,
                runtimeId,
                ContainerStatus.RUNNING,
                exitCode,
                reason,
                healthStatus,
                imageDigest,
                Optional.of(at),
                finishedAt);
    }

    public ContainerState stopped(Optional<Integer> code, Optional<String> why, Instant at) {
        return new ContainerState(
                name,
                containerId,
                runtimeId,
                ContainerStatus.STOPPED,
                code,
                why,
                healthStatus,
                imageDigest,
                startedAt,
                Optional.of(at));
    }

    public ContainerState withHealth(HealthStatus status) {
        return new ContainerState(
                name, containerId, runtimeId, lastStatus, exitCode, reason, status, imageDigest, startedAt, finishedAt);
    }
}
