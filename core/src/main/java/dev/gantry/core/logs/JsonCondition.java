package dev.gantry.core.logs;

import java.util.Optional;
import java.util.OptionalDouble;

/** The expression inside a JSON filter pattern's braces, evaluated against a parsed message. */
sealed interface JsonCondition {

    boolean test(JsonValue message);

    record And(JsonCondition left, JsonCondition right) implements JsonCondition {
        @Override
        public boolean test(JsonValue message) {
            return left.test(message) && right.test(message);
        }
    }

    record Or(JsonCondition left, JsonCondition right) implements JsonCondition {
        @Override
        public boolean test(JsonValue message) {
            return left.test(message) || right.test(message);
        }
    }

    /** {@code $.path <op> value}: false when the field is missing, null, an object or an array. */
    record Compare(JsonPath path, Comparison comparison) implements JsonCondition {
        @Override
        public boolean test(JsonValue message) {
            Optional<JsonValue> value = path.find(message);
            Optional<String> text = value.flatMap(JsonValue::text);
            if (text.isEmpty()) {
                return false;
            }
            OptionalDouble number =
                    value.get() instanceof JsonValue.JNumber n ? OptionalDouble.of(n.value()) : OptionalDouble.empty();
            return comparison.test(text.get(), number);
        }
    }

    /** {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE}, {@code NOT EXISTS}. */
    record Is(JsonPath path, Check check) implements JsonCondition {
        enum Check {
            NULL,
            TRUE,
            FALSE,
            NOT_EXISTS
        }

        @Override
        public boolean test(JsonValue message) {
            Optional<JsonValue> value = path.find(message);
            return switch (check) {
                case NULL -> value.isPresent() && value.get() instanceof JsonValue.JNull;
                case TRUE -> value.isPresent() && value.get() instanceof JsonValue.JBool b && b.value();
                case FALSE -> value.isPresent() && value.get() instanceof JsonValue.JBool b && !b.value();
                case NOT_EXISTS -> value.isEmpty();
            };
        }
    }

    /**
     * Parses {@code { expr }}: {@code ||} binds looser than {@code &&}, parentheses group.
     *
     * <pre>
     * pattern := '{' or '}'
     * or      := and ('||' and)*
     * and     := primary ('&&' primary)*
     * primary := '(' or ')' | selector (op value | IS NULL | IS TRUE | IS FALSE | NOT EXISTS)
     * </pre>
     */
    static JsonCondition parse(PatternScanner in) {
        in.expect("{", "'{'");
        JsonCondition c = or(in);
        in.expect("}", "'}' or '&&' or '||'");
        if (!in.atEnd()) {
            throw in.error("unexpected text after '}'");
        }
        return c;
    }

    private static JsonCondition or(PatternScanner in) {
        JsonCondition c = and(in);
        while (in.consume("||")) {
            c = new Or(c, and(in));
        }
        return c;
    }

    private static JsonCondition and(PatternScanner in) {
        JsonCondition c = primary(in);
        while (in.consume("&&")) {
            c = new And(c, primary(in));
        }
        return c;
    }

    private static JsonCondition primary(PatternScanner in) {
        if (in.consume("(")) {
            JsonCondition c = or(in);
            in.expect(")", "')'");
            return c;
        }
        JsonPath path = JsonPath.parse(in);
        if (in.consumeKeyword("IS")) {
            if (in.consumeKeyword("NULL")) {
                return new Is(path, Is.Check.NULL);
            }
            if (in.consumeKeyword("TRUE")) {
                return new Is(path, Is.Check.TRUE);
            }
            if (in.consumeKeyword("FALSE")) {
                return new Is(path, Is.Check.FALSE);
            }
            throw in.error("expected NULL, TRUE or FALSE after IS");
        }
        if (in.consumeKeyword("NOT")) {
            if (in.consumeKeyword("EXISTS")) {
                return new Is(path, Is.Check.NOT_EXISTS);
            }
            throw in.error("expected EXISTS after NOT");
        }
        return new Compare(
                path,
                Comparison.parse(in, ")}")
                        .orElseThrow(
                                () -> in.error("expected an operator (=, !=, <, <=, >, >=) after " + path.text())));
    }
}
