package dev.gantry.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compact human renderings of durations and instants. Pure. */
final class Durations {
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Durations() {}

    /** Whole-second precision, two units at most: {@code 42s}, {@code 3m12s}, {@code 2h05m}, {@code 3d04h}. */
    static String compact(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + two(s % 60) + "s";
        }
        if (s < 86_400) {
            return s / 3600 + "h" + two(s % 3600 / 60) + "m";
        }
        return s / 86_400 + "d" + two(s % 86_400 / 3600) + "h";
    }

    /** Like {@link #compact} but shows milliseconds below one second ({@code 420ms}), for short operations. */
    static String elapsed(Duration d) {
        return d.isNegative() || d.compareTo(Duration.ofSeconds(1)) >= 0 ? compact(d) : d.toMillis() + "ms";
    }

    static String age(Instant since, Instant now) {
        return compact(Duration.between(since, now));
    }

    /** {@code 2025-01-31 14:03:07} in the given zone. */
    static String local(Instant at, ZoneId zone) {
        return LOCAL.format(at.atZone(zone));
    }

    /**
     * Parses what people type for a timeout: {@code 90} or {@code 90s}, {@code 500ms}, {@code 10m}, {@code 1h}.
     *
     * @throws IllegalArgumentException naming the expected forms
     */
    static Duration parse(String text) {
        Matcher m = AMOUNT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use 90s, 10m, 1h or 500ms");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static String two(long n) {
        return n < 10 ? "0" + n : Long.toString(n);
    }
}
