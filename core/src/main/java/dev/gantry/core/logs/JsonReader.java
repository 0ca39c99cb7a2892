package dev.gantry.core.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small strict JSON reader (RFC 8259) for log messages. Anything that is not exactly one JSON value, surrounded by
 * optional whitespace, reads as empty: such messages simply do not match JSON filter patterns.
 */
final class JsonReader {
    private static final int MAX_DEPTH = 256;
    private final String s;
    private int i;

    private JsonReader(String s) {
        this.s = s;
    }

    static Optional<JsonValue> read(String text) {
        JsonReader r = new JsonReader(text);
        try {
            JsonValue v = r.value(0);
            r.ws();
            return r.i == text.length() ? Optional.of(v) : Optional.empty();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private JsonValue value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("too deep");
        }
        ws();
        char c = s.charAt(i);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new JsonValue.JString(string());
            case 't' -> literal("true", new JsonValue.JBool(true));
            case 'f' -> literal("false", new JsonValue.JBool(false));
            case 'n' -> literal("null", new JsonValue.JNull());
            default -> number();
        };
    }

    private JsonValue object(int depth) {
        i++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        ws();
        if (s.charAt(i) == '}') {
            i++;
            return new JsonValue.JObject(members);
        }
        while (true) {
            ws();
            if (s.charAt(i) != '"') {
                throw new IllegalArgumentException("expected a member name");
            }
            String name = string();
            ws();
            expect(':');
            members.put(name, value(depth + 1));
            ws();
            if (s.charAt(i) == '}') {
                i++;
                return new JsonValue.JObject(members);
            }
            expect(',');
        }
    }

    private JsonValue array(int depth) {
        i++;
        List<JsonValue> items = new ArrayList<>();
        ws();
        if (s.charAt(i) == ']') {
            i++;
            return new JsonValue.JArray(items);
        }
        while (true) {
            items.add(value(depth + 1));
            ws();
            if (s.charAt(i) == ']') {
                i++;
                return new JsonValue.JArray(items);
            }
            expect(',');
        }
    }

    private String string() {
        i++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("control character in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("bad escape");
            }
        }
    }

    private JsonValue number() {
        int start = i;
        if (s.charAt(i) == '-') {
            i++;
        }
        if (s.charAt(i) == '0') {
            i++;
        } else {
            digits();
        }
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            digits();
        }
        if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            digits();
        }
        String literal = s.substring(start, i);
        return new JsonValue.JNumber(Double.parseDouble(literal), literal);
    }

    private void digits() {
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            throw new IllegalArgumentException("expected a digit");
        }
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!s.startsWith(word, i)) {
            throw new IllegalArgumentException("expected " + word);
        }
        i += word.length();
        return value;
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        i++;
    }

    private void ws() {
        while (i < s.length()
                && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
            i++;
        }
    }
}
