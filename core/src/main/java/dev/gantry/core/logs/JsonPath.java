package dev.gantry.core.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A selector such as {@code $.a.b}, {@code $.list[0].name} or {@code $.['odd key']}: member names and indexes. */
record JsonPath(String text, List<Object> steps) {
    JsonPath {
        steps = List.copyOf(steps);
    }

    static JsonPath parse(PatternScanner in) {
        if (!in.consume("$")) {
            throw in.error("expected a selector starting with '$.'");
        }
        List<Object> steps = new ArrayList<>();
        StringBuilder text = new StringBuilder("$");
        while (true) {
            char c = in.peek();
            if (c == '.') {
                in.consume(".");
                if (in.peek() == '[') {
                    continue;
                }
                String name = name(in);
                steps.add(name);
                text.append('.').append(name);
            } else if (c == '[') {
                in.consume("[");
                Object step = in.peek() == '\'' || in.peek() == '"' ? quotedName(in) : index(in);
                in.expect("]", "']' to close the selector step");
                steps.add(step);
                text.append('[').append(step).append(']');
            } else {
                break;
            }
        }
        if (steps.isEmpty()) {
            throw in.error("selector '$' names no field");
        }
        return new JsonPath(text.toString(), steps);
    }

    private static String name(PatternScanner in) {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = in.peek();
            if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '@' || c == '$') {
                out.append(c);
                in.consume(String.valueOf(c));
            } else {
                break;
            }
        }
        if (out.isEmpty()) {
            throw in.error("expected a field name after '.'");
        }
        return out.toString();
    }

    private static String quotedName(PatternScanner in) {
        char q = in.peek();
        in.consume(String.valueOf(q));
        return in.until(q, "quoted field name");
    }

    private static Integer index(PatternScanner in) {
        String digits = in.bare("]");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw in.error("expected an array index, not '" + digits + "'");
        }
    }

    /** The value at this path, if every step exists. */
    Optional<JsonValue> find(JsonValue root) {
        JsonValue at = root;
        for (Object step : steps) {
            if (step instanceof String name
                    && at instanceof JsonValue.JObject o
                    && o.members().containsKey(name)) {
                at = o.members().get(name);
            } else if (step instanceof Integer n
                    && at instanceof JsonValue.JArray a
                    && n >= 0
                    && n < a.items().size()) {
                at = a.items().get(n);
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(at);
    }
}
