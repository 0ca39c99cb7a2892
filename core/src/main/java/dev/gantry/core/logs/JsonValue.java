package dev.gantry.core.logs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed JSON value, just enough to evaluate JSON filter patterns against a log message. */
sealed interface JsonValue {

    /** The value as a filter pattern compares it as text; empty for objects and arrays. */
    Optional<String> text();

    record JObject(Map<String, JsonValue> members) implements JsonValue {
        public JObject {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        }

        @Override
        public Optional<String> text() {
            return Optional.empty();
        }
    }

    record JArray(List<JsonValue> items) implements JsonValue {
        public JArray {
            items = List.copyOf(items);
        }

        @Override
        public Optional<String> text() {
            return Optional.empty();
        }
    }

    record JString(String value) implements JsonValue {
        @Override
        public Optional<String> text() {
            return Optional.of(value);
        }
    }

    /** A number, with the text it was written as (so {@code "200"} patterns can match {@code 200}). */
    record JNumber(double value, String literal) implements JsonValue {
        @Override
        public Optional<String> text() {
            return Optional.of(literal);
        }
    }

    record JBool(boolean value) implements JsonValue {
        @Override
        public Optional<String> text() {
            return Optional.of(Boolean.toString(value));
        }
    }

    record JNull() implements JsonValue {
        @Override
        public Optional<String> text() {
            return Optional.empty();
        }
    }
}
