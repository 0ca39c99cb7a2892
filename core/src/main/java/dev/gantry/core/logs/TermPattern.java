package dev.gantry.core.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A pattern for unstructured messages: every plain term must appear, at least one {@code ?term} must appear when
 * there are any, and no {@code -term} may appear. Terms are case-sensitive substrings; {@code "quoted phrases"} may
 * hold spaces; {@code %regex%} matches anywhere in the message a regular expression in the subset CloudWatch Logs
 * accepts ({@link LogRegex}: no groups, linear-time matching). {@code costPerChar} is the most matching work one
 * character of a message can cost: 1 plus the states of every regex.
 */
record TermPattern(
        List<Predicate<String>> required,
        List<Predicate<String>> anyOf,
        List<Predicate<String>> excluded,
        int costPerChar)
        implements Predicate<String> {

    static TermPattern parse(PatternScanner in, String pattern) {
        List<Predicate<String>> required = new ArrayList<>();
        List<Predicate<String>> anyOf = new ArrayList<>();
        List<Predicate<String>> excluded = new ArrayList<>();
        int[] cost = {1};
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '?' || c == '-') {
                in.consume(String.valueOf(c));
                if (in.peek() == '\0' || Character.isWhitespace(in.peek())) {
                    throw in.error("'" + c + "' must be followed by a term");
                }
                (c == '?' ? anyOf : excluded).add(term(in, pattern, cost));
            } else {
                required.add(term(in, pattern, cost));
            }
        }
        if (!excluded.isEmpty() && required.isEmpty() && anyOf.isEmpty()) {
            throw PatternScanner.error(pattern, "an exclusion (-term) needs at least one term to match");
        }
        return new TermPattern(required, anyOf, excluded, cost[0]);
    }

    private static Predicate<String> term(PatternScanner in, String pattern, int[] cost) {
        char c = in.peek();
        if (c == '"') {
            String phrase = in.quoted();
            return message -> message.contains(phrase);
        }
        if (c == '%') {
            in.consume("%");
            String regex = in.until('%', "regular expression (missing closing '%')");
            try {
                LogRegex compiled = LogRegex.compile(regex);
                cost[0] += compiled.size();
                return compiled::find;
            } catch (RegexSyntaxException e) {
                throw PatternScanner.error(pattern, "bad regular expression '" + regex + "': " + e.getMessage());
            }
        }
        String word = in.word();
        return message -> message.contains(word);
    }

    @Override
    public boolean test(String message) {
        return required.stream().allMatch(t -> t.test(message))
                && (anyOf.isEmpty() || anyOf.stream().anyMatch(t -> t.test(message)))
                && excluded.stream().noneMatch(t -> t.test(message));
    }
}
