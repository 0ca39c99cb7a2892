package dev.gantry.core.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the task's runner has observed. Written only by that runner (one owner per task).
 * {@code sandboxId} is the runtime id of the sandbox that owns the task's network namespace.
 */
public record TaskObserved(
        TaskPhase phase,
        HealthStatus healthStatus,
        Optional<String> sandboxId,
        Optional<NetworkAttachment> attachment,
        List<ContainerState> containers,
        Optional<Instant> pullStartedAt,
        Optional<Instant> pullStoppedAt,
        Optional<Instant> connectivityAt,
        Optional<Instant> startedAt,
        Optional<Instant> stoppingAt,
        Optional<Instant> executionStoppedAt,
        Optional<Instant> stoppedAt) {

    public TaskObserved {
        sandboxId = sandboxId == null ? Optional.empty() : sandboxId;
        attachment = attachment == null ? Optional.empty() : attachment;
        containers = containers == null ? List.of() : List.copyOf(containers);
        pullStartedAt = pullStartedAt == null ? Optional.empty() : pullStartedAt;
        pullStoppedAt = pullStoppedAt == null ? Optional.empty() : pullStoppedAt;
        connectivityAt = connectivityAt == null ? Optional.empty() : connectivityAt;
        startedAt = startedAt == null ? Optional.empty() : startedAt;
        stoppingAt = stoppingAt == null ? Optional.empty() : stoppingAt;
        executionStoppedAt = executionStoppedAt == null ? Optional.empty() : executionStoppedAt;
        stoppedAt = stoppedAt == null ? Optional.empty() : stoppedAt;
    }

    public static TaskObserved initial(List<ContainerState> containers) {
        return new TaskObserved(
                TaskPhase.CLAIMING_SANDBOX,
                HealthStatus.UNKNOWN,
                Optional.empty(),
                Optional.empty(),
                containers,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public Optional<ContainerState> container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public TaskObserved withContainer(String name, UnaryOperator<ContainerState> change) {
        return withContainers(containers.stream()
                .map(c -> c.name().equals(name) ? change.apply(c) : c)
                .toList());
    }

    public TaskObserved withContainers(List<ContainerState> newContainers) {
        return new TaskObserved(
                phase,
                healthStatus,
                sandboxId,
                attachment,
                newContainers,
                pullStartedAt,
                pullStoppedAt,
                connectivityAt,
                startedAt,
                stoppingAt,
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withPhase(TaskPhase newPhase) {
        if (newPhase.compareTo(phase) < 0) {
            throw new IllegalStateException("task phase moves forward only: " + phase + " -> " + newPhase);
        }
        return new TaskObserved(
                newPhase,
                healthStatus,
                sandboxId,
                attachment,
                containers,
                pullStartedAt,
                pullStoppedAt,
                connectivityAt,
                startedAt,
                stoppingAt,
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withHealth(HealthStatus status) {
        return new TaskObserved(
                phase,
                status,
                sandboxId,
                attachment,
                containers,
                pullStartedAt,
                pullStoppedAt,
                connectivityAt,
                startedAt,
                stoppingAt,
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withSandbox(String id, NetworkAttachment eni, Instant at) {
        return new TaskObserved(
                phase,
                healthStatus,
                Optional.of(id),
                Optional.of(eni),
                containers,
                pullStartedAt,
                pullStoppedAt,
                Optional.of(at),
                startedAt,
                stoppingAt,
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withAttachment(NetworkAttachment eni) {
        return new TaskObserved(
                phase,
                healthStatus,
                sandboxId,
                Optional.of(eni),
                containers,
                pullStartedAt,
                pullStoppedAt,
                connectivityAt,
                startedAt,
                stoppingAt,
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withPullStarted(Instant at) {
        return new TaskObserved(
                phase,
                healthStatus,
                sandboxId,
                attachment,
                containers,
                Optional.of(at),
                pullStoppedAt,
                connectivityAt,
                startedAt,
                stoppingAt,
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withPullStopped(Instant at) {
        return new TaskObserved(
                phase,
                healthStatus,
                sandboxId,
                attachment,
                containers,
                pullStartedAt,
                Optional.of(at),
                connectivityAt,
                startedAt,
                stoppingAt,
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withStartedAt(Instant at) {
        return new TaskObserved(
                phase,
                healthStatus,
                sandboxId,
                attachment,
                containers,
                pullStartedAt,
                pullStoppedAt,
                connectivityAt,
                Optional.of(at),
                stoppingAt,
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withStoppingAt(Instant at) {
        return new TaskObserved(
                phase,
                healthStatus,
                sandboxId,
                attachment,
                containers,
                pullStartedAt,
                pullStoppedAt,
                connectivityAt,
                startedAt,
                stoppingAt.or(() -> Optional.of(at)),
                executionStoppedAt,
                stoppedAt);
    }

    public TaskObserved withExecutionStoppedAt(Instant at) {
        return new TaskObserved(
                phase,
                healthStatus,
                sandboxId,
                attachment,
                containers,
                pullStartedAt,
                pullStoppedAt,
                connectivityAt,
                startedAt,
                stoppingAt,
                executionStoppedAt.or(() -> Optional.of(at)),
                stoppedAt);
    }

    public TaskObserved withStoppedAt(Instant at) {
        return new TaskObserved(
                phase,
                healthStatus,
                sandboxId,
                attachment,
                containers,
                pullStartedAt,
                pullStoppedAt,
                connectivityAt,
                startedAt,
                stoppingAt,
                executionStoppedAt,
                Optional.of(at));
    }
}
