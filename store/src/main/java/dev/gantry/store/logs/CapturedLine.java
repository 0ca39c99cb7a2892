package dev.gantry.store.logs;

import java.time.Instant;
import java.util.Objects;

/** One line of container output captured by Gantry's awslogs emulation, with the runtime's full-precision time. */
public record CapturedLine(Instant timestamp, String message) {
    public CapturedLine {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(message, "message");
    }
}
