package dev.gantry.store.logs;

import java.time.Instant;

/**
 * A stored event. {@code id} is the global ingestion order (FilterLogEvents' eventId); {@code timestamp} carries
 * nanoseconds for captured output and whole milliseconds for uploaded events.
 */
public record StoredEvent(long id, String streamName, Instant timestamp, Instant ingestionTime, String message) {}
