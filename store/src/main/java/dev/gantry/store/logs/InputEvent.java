package dev.gantry.store.logs;

import java.time.Instant;
import java.util.Objects;

/** One event of a PutLogEvents batch: its time (the API sends milliseconds) and a non-empty message. */
public record InputEvent(Instant timestamp, String message) {
    public InputEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(message, "message");
    }
}
