package dev.gantry.runtime.fake;

import dev.gantry.runtime.spi.ContainerObservation;
import dev.gantry.runtime.spi.ContainerObservation.State;
import dev.gantry.runtime.spi.ContainerSpec;
import dev.gantry.runtime.spi.Health;
import java.time.Instant;
import java.util.Optional;

/** One fake container's mutable state. Guarded by the driver's lock, except {@link #logs} which has its own. */
final class FakeContainer {

    final String runtimeId;
    final String engineName;
    /** The sandbox whose namespace it joins. */
    final String sandboxId;

    final ContainerSpec spec;
    final ContainerScript script;
    final String imageDigest;
    final LogBuffer logs = new LogBuffer();
    State state = State.CREATED;
    Optional<Integer> exitCode = Optional.empty();
    boolean oomKilled;
    Health health = Health.NONE;
    Optional<Instant> startedAt = Optional.empty();
    Optional<Instant> finishedAt = Optional.empty();
    Optional<String> error = Optional.empty();
    /** Bumped by each start and by removal, so a delayed step of an earlier run does nothing. */
    int generation;

    FakeContainer(
            String runtimeId,
            String engineName,
            String sandboxId,
            ContainerSpec spec,
            ContainerScript script,
            String imageDigest) {
        this.runtimeId = runtimeId;
        this.engineName = engineName;
        this.sandboxId = sandboxId;
        this.spec = spec;
        this.script = script;
        this.imageDigest = imageDigest;
    }

    String taskId() {
        return spec.task().taskId();
    }

    String name() {
        return spec.name();
    }

    boolean hasHealthCheck() {
        return spec.healthCheck().isPresent();
    }

    ContainerObservation observe(String asName) {
        return new ContainerObservation(
                runtimeId,
                asName,
                state,
                state == State.EXITED ? exitCode : Optional.empty(),
                oomKilled,
                health,
                Optional.of(imageDigest),
                startedAt,
                finishedAt,
                error);
    }

    FakeDriver.ContainerView view() {
        return new FakeDriver.ContainerView(
                runtimeId,
                taskId(),
                name(),
                spec.image(),
                state,
                state == State.EXITED ? exitCode : Optional.empty(),
                oomKilled,
                health,
                spec);
    }
}
