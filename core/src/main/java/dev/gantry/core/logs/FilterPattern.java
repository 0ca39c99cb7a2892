package dev.gantry.core.logs;

import java.util.function.Predicate;

/**
 * A CloudWatch Logs filter pattern, parsed once and matched against many messages.
 *
 * <ul>
 *   <li>empty or blank: every message matches;
 *   <li>terms: {@code ERROR "bad request" ?WARN ?FATAL -healthcheck %time=\d+ms%} (see {@link TermPattern}; a
 *       {@code %regex%} is CloudWatch Logs' subset, matched in linear time by {@link LogRegex});
 *   <li>JSON: {@code { $.status >= 500 && ($.path = "/api/*" || $.user.admin IS TRUE) }} — messages that are not
 *       JSON never match;
 *   <li>space-delimited: {@code [ip, user, ..., status=4* || status=5*, size>100]}.
 * </ul>
 *
 * A pattern that cannot be parsed is an {@code InvalidParameterException} naming the problem and its position.
 */
public final class FilterPattern {
    private static final FilterPattern ALL = new FilterPattern("", message -> true, 1);

    private final String text;
    private final Predicate<String> predicate;
    private final int costPerChar;

    private FilterPattern(String text, Predicate<String> predicate, int costPerChar) {
        this.text = text;
        this.predicate = predicate;
        this.costPerChar = costPerChar;
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
        int cost = predicate instanceof TermPattern terms ? terms.costPerChar() : 1;
        return new FilterPattern(pattern, predicate, cost);
    }

    public boolean matches(String message) {
        return predicate.test(message);
    }

    /**
     * A bound on the matching work one character of a message costs (1 for plain terms, JSON and space-delimited
     * patterns; more with {@code %regex%} terms, whose automata advance every live state per character): a reader
     * that scans many messages budgets {@code costPerChar × characters}.
     */
    public int costPerChar() {
        return costPerChar;
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
