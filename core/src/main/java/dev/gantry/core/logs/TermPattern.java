package dev.gantry.core.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A pattern for unstructured messages: every plain term must appear, at least one {@code ?term} must appear when
 * there are any, and no {@code -term} may appear. Terms are case-sensitive substrings; {@code "quoted phrases"} may
 * hold spaces; {@code %regex%} matches a Java regular expression anywhere in the message.
 */
record TermPattern(List<Predicate<String>> required, List<Predicate<String>> anyOf, List<Predicate<String>> excluded)
        implements Predicate<String> {

    static TermPattern parse(PatternScanner in, String pattern) {
        List<Predicate<String>> required = new ArrayList<>();
        List<Predicate<String>> anyOf = new ArrayList<>();
        List<Predicate<String>> excluded = new ArrayList<>();
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '?' || c == '-') {
                in.consume(String.valueOf(c));
                if (in.peek() == '\0' || Character.isWhitespace(in.peek())) {
                    throw in.error("'" + c + "' must be followed by a term");
                }
                (c == '?' ? anyOf : excluded).add(term(in));
            } else {
                required.add(term(in));
            }
        }
        if (!excluded.isEmpty() && required.isEmpty() && anyOf.isEmpty()) {
            throw PatternScanner.error(pattern, "an exclusion (-term) needs at least one term to match");
        }
        return new TermPattern(required, anyOf, excluded);
    }

    private static Predicate<String> term(PatternScanner in) {
        char c = in.peek();
        if (c == '"') {
            String phrase = in.quoted();
            return message -> message.contains(phrase);
        }
        if (c == '%') {
            in.consume("%");
            String regex = in.until('%', "regular expression (missing closing '%')");
            try {
                Pattern compiled = Pattern.compile(regex);
                return message -> compiled.matcher(message).find();
            } catch (PatternSyntaxException e) {
                throw in.error("bad regular expression '" + regex + "' (" + e.getDescription() + ")");
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
