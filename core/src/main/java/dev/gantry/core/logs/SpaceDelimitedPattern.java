package dev.gantry.core.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code [ip, user, ..., status=4*, size>100]}: the message splits on spaces into fields (text inside {@code "..."} or
 * {@code [...]} is one field, without its brackets), each pattern field takes one message field and may test it, and
 * {@code ...} takes any number of fields. A field test may chain conditions on that same field with {@code &&} and
 * {@code ||} ({@code &&} binds tighter). Without {@code ...} the field counts must be equal.
 */
record SpaceDelimitedPattern(List<Field> fields) implements Predicate<String> {

    /** One pattern field: {@code ...} (no name), or a name with alternatives of all-of conditions. */
    record Field(Optional<String> name, List<List<Comparison>> anyOfAllOf) {
        boolean isEllipsis() {
            return name.isEmpty();
        }

        boolean test(String value) {
            if (anyOfAllOf.isEmpty()) {
                return true;
            }
            return anyOfAllOf.stream()
                    .anyMatch(all -> all.stream().allMatch(c -> c.test(value, Comparison.numberOf(value))));
        }
    }

    static SpaceDelimitedPattern parse(PatternScanner in) {
        in.expect("[", "'['");
        List<Field> fields = new ArrayList<>();
        do {
            fields.add(field(in));
        } while (in.consume(","));
        in.expect("]", "',' or ']'");
        if (!in.atEnd()) {
            throw in.error("unexpected text after ']'");
        }
        return new SpaceDelimitedPattern(fields);
    }

    private static Field field(PatternScanner in) {
        if (in.consume("...")) {
            return new Field(Optional.empty(), List.of());
        }
        String name = name(in);
        List<List<Comparison>> anyOf = new ArrayList<>();
        List<Comparison> allOf = new ArrayList<>();
        Optional<Comparison> first = Comparison.parse(in, ",]");
        if (first.isEmpty()) {
            return new Field(Optional.of(name), List.of());
        }
        allOf.add(first.get());
        while (true) {
            boolean and = in.consume("&&");
            if (!and && !in.consume("||")) {
                break;
            }
            if (!and) {
                anyOf.add(allOf);
                allOf = new ArrayList<>();
            }
            String again = name(in);
            if (!again.equals(name)) {
                throw in.error("a condition in field '" + name + "' tests another field '" + again + "'");
            }
            allOf.add(Comparison.parse(in, ",]").orElseThrow(() -> in.error("expected an operator after " + name)));
        }
        anyOf.add(allOf);
        return new Field(Optional.of(name), anyOf);
    }

    private static String name(PatternScanner in) {
        String name = in.bare(",]=!<>");
        if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
            throw in.error("expected a field name (letters, digits, '_') or '...', not '" + name + "'");
        }
        return name;
    }

    @Override
    public boolean test(String message) {
        List<String> values = split(message);
        return match(0, values, 0, new boolean[fields.size() + 1][values.size() + 1]);
    }

    /**
     * Whether fields from {@code f} match values from {@code v}. {@code failed} remembers (field, value) positions
     * already known not to match, so each is tried once: '...' fields then cost fields × values steps, not an
     * exponential search.
     */
    private boolean match(int f, List<String> values, int v, boolean[][] failed) {
        if (f == fields.size()) {
            return v == values.size();
        }
        if (failed[f][v]) {
            return false;
        }
        Field field = fields.get(f);
        boolean matched;
        if (field.isEllipsis()) {
            matched = false;
            for (int skip = v; skip <= values.size() && !matched; skip++) {
                matched = match(f + 1, values, skip, failed);
            }
        } else {
            matched = v < values.size() && field.test(values.get(v)) && match(f + 1, values, v + 1, failed);
        }
        failed[f][v] = !matched;
        return matched;
    }

    /** Splits on runs of spaces; {@code "..."} and {@code [...]} are single fields without their brackets. */
    static List<String> split(String message) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = message.length();
        while (i < n) {
            char c = message.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            char close = c == '"' ? '"' : c == '[' ? ']' : 0;
            int end = close == 0 ? -1 : message.indexOf(close, i + 1);
            if (end > 0) {
                out.add(message.substring(i + 1, end));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && message.charAt(i) != ' ' && message.charAt(i) != '\t') {
                    i++;
                }
                out.add(message.substring(start, i));
            }
        }
        return out;
    }
}
