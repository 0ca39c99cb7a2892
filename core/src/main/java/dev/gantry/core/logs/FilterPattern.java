package dev.gantry.core.logs;

import java.util.function.Predicate;

/**
 * A CloudWatch Logs filter pattern, parsed once and matched against many messages.
 *
 * <ul>
 *   <li>empty or blank: every message matches;
 *   <li>terms: {@code ERROR "bad request" ?WARN ?FATAL -healthcheck %time=\d+ms%} (see {@link TermPattern});
 *   <li>JSON: {@code { $.status >= 500 && ($.path = "/api/*" || $.user.admin IS TRUE) }} — messages that are not
 *       JSON never match;
 *   <li>space-delimited: {@code [ip, user, ..., status=4* || status=5*, size>100]}.
 * </ul>
 *
 * A pattern that cannot be parsed is an {@code InvalidParameterException} naming the problem and its position.
 */
public final class FilterPattern {
    private static final FilterPattern ALL = new FilterPattern("", message -> true);

    private final String text;
    private final Predicate<String> predicate;

    private FilterPattern(String text, Predicate<String> predicate) {
        this.text = text;
        this.predicate = predicate;
    }

    /** The pattern that matches every message. */
    public static FilterPattern all() {
        return ALL;
    }

    /** Parses a pattern; throws ApiException INVALID_PARAMETER when it is malformed. */
    public static FilterPattern parse(String pattern) {
        if (pattern.isBlank()) {
            return ALL;
        }
        PatternScanner in = new PatternScanner(pattern);
        in.skipSpaces();
        Predicate<String> predicate = switch (in.peek()) {
            case '{' -> {
                JsonCondition condition = JsonCondition.parse(in);
                yield message -> JsonReader.read(message).map(condition::test).orElse(false);
            }
            case '[' -> SpaceDelimitedPattern.parse(in);
            default -> TermPattern.parse(in, pattern);
        };
        return new FilterPattern(pattern, predicate);
    }

    public boolean matches(String message) {
        return predicate.test(message);
    }

    /** True for the empty pattern, which lets a reader skip matching altogether. */
    public boolean matchesEverything() {
        return this == ALL;
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return "FilterPattern[" + text + "]";
    }
}
