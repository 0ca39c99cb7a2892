package dev.gantry.runtime.docker;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Docker's RFC3339Nano timestamps ({@code 2024-05-01T10:00:00.123456789Z}); the zero time means "never". */
final class DockerTimestamps {

    private DockerTimestamps() {}

    /** Parses a timestamp; empty for null, blank, unparseable or Go's zero time (year 1). */
    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank() || value.startsWith("0001-01-01")) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
