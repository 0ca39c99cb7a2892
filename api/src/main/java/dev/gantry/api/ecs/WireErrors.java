package dev.gantry.api.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/** Turns a JSON binding failure into a message naming the member and the JSON type it needs — no Java types. */
final class WireErrors {
    private WireErrors() {}

    /**
     * The error for a binding failure: a member of the wrong JSON type is AWS's SerializationException (the JSON
     * protocol rejects it before the operation runs); a value the operation refuses is {@code otherwise}'s.
     */
    static dev.gantry.core.error.ApiException rejected(
            JsonProcessingException e,
            java.util.function.Function<String, dev.gantry.core.error.ApiException> otherwise) {
        return e instanceof MismatchedInputException
                ? dev.gantry.core.error.ApiException.serialization(describe(e))
                : otherwise.apply(describe(e));
    }

    static String describe(JsonProcessingException e) {
        String path = "the request";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
            }
            path = "'" + sb + "'";
        }
        String expected = e instanceof MismatchedInputException mi && mi.getTargetType() != null
                ? jsonType(mi.getTargetType())
                : "a value of the documented type";
        return "Invalid value for " + path + ": it must be " + expected + ".";
    }

    private static String jsonType(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a value of the documented type";
    }
}
