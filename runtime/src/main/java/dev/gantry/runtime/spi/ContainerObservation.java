package dev.gantry.runtime.spi;

import java.time.Instant;
import java.util.Optional;

/** What the engine says about one container right now. A driver reports this; it never decides anything. */
public record ContainerObservation(
        String runtimeId,
        String containerName,
        State state,
        Optional<Integer> exitCode,
        boolean oomKilled,
        Health health,
        Optional<String> imageDigest,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        Optional<String> error) {

    /** Engine container state. MISSING: no such container any more. */
    public enum State {
        CREATED,
        RUNNING,
        EXITED,
        MISSING
    }

    public static ContainerObservation missing(String runtimeId, String containerName) {
        return new ContainerObservation(
                runtimeId,
                containerName,
                State.MISSING,
                Optional.empty(),
                false,
                Health.NONE,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
