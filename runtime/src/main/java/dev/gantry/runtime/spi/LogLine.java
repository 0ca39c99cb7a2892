package dev.gantry.runtime.spi;

import java.time.Instant;

/** One line a container wrote, with the engine's timestamp (nanosecond precision where the engine has it). */
public record LogLine(Instant timestamp, boolean stderr, String message) {}
