package dev.gantry.runtime.spi;

import java.util.Optional;

/**
 * An engine object this installation created, found by its labels. {@code taskId} is empty for pooled sandboxes
 * not yet claimed by a task. {@code containerName} is empty for sandboxes.
 */
public record OwnedObject(
        String runtimeId, Kind kind, Optional<String> taskId, Optional<String> containerName, boolean running) {

    public enum Kind {
        SANDBOX,
        CONTAINER
    }
}
