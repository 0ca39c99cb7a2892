package dev.gantry.core.secret;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a secret is next due for rotation, from its {@link Rotation} rules: {@code AutomaticallyAfterDays}, or a
 * {@code rate(N days|hours)} ScheduleExpression, counted from the last rotation (or the secret's creation).
 * {@code cron()} expressions are kept and shown but not scheduled (empty).
 */
public final class RotationSchedule {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (day|days|hour|hours)\\)");

    private RotationSchedule() {}

    public static Optional<Instant> next(Rotation r, Instant createdAt) {
        if (!r.enabled() || r.function().isEmpty()) {
            return Optional.empty();
        }
        return interval(r).map(every -> r.lastRotatedAt().orElse(createdAt).plus(every));
    }

    static Optional<Duration> interval(Rotation r) {
        if (r.automaticallyAfterDays().isPresent()) {
            return r.automaticallyAfterDays().map(Duration::ofDays);
        }
        return r.scheduleExpression().flatMap(e -> {
            Matcher m = RATE.matcher(e.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            long n = Long.parseLong(m.group(1));
            return Optional.of(m.group(2).startsWith("day") ? Duration.ofDays(n) : Duration.ofHours(n));
        });
    }

    /** Whether the schedule says {@code secret} should rotate at {@code now} (a failed rotation waits for a person). */
    public static boolean due(Secret secret, Instant now) {
        return !secret.scheduledForDeletion()
                && secret.rotation().lastFailure().isEmpty()
                && next(secret.rotation(), secret.createdAt())
                        .filter(at -> !at.isAfter(now))
                        .isPresent();
    }
}
