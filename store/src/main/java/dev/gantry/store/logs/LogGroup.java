package dev.gantry.store.logs;

import java.time.Instant;
import java.util.Optional;

/** A log group. {@code arn} has no {@code :*} suffix; {@code storedBytes} counts UTF-8 message bytes kept. */
public record LogGroup(
        String name, String arn, Instant createdAt, Optional<Integer> retentionInDays, long storedBytes) {}
