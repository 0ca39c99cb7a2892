package dev.gantry.api.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of an ECS request body. A member of the wrong JSON type is SerializationException naming the member,
 * as AWS's JSON protocol answers; a value out of range is InvalidParameterException.
 */
final class Input {
    private Input() {}

    static Optional<String> string(JsonNode in, String name) {
        JsonNode n = in.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isTextual()) {
            throw ApiException.serialization("'" + name + "' must be a string.");
        }
        return Optional.of(n.asText());
    }

    static String required(JsonNode in, String name) {
        return string(in, name)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> ApiException.invalidParameter("'" + name + "' is required and must not be empty."));
    }

    static Optional<Integer> integer(JsonNode in, String name) {
        JsonNode n = in.get(name);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw ApiException.serialization("'" + name + "' must be a whole number that fits in 32 bits.");
        }
        return Optional.of(n.asInt());
    }

    static List<String> strings(JsonNode in, String name) {
        JsonNode n = in.get(name);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw ApiException.serialization("'" + name + "' must be a list of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw ApiException.serialization("'" + name + "' must be a list of strings.");
            }
            out.add(e.asText());
        }
        return out;
    }

    static boolean includes(JsonNode in, String value) {
        return strings(in, "include").contains(value);
    }

    /** maxResults (1..100, default {@code dflt}) and the offset encoded in nextToken. */
    record Paging(long offset, int limit) {}

    static Paging paging(JsonNode in, int dflt) {
        int limit = integer(in, "maxResults").orElse(dflt);
        if (limit < 1 || limit > 100) {
            throw ApiException.invalidParameter("'maxResults' must be between 1 and 100.");
        }
        long offset = string(in, "nextToken")
                .map(t -> Page.offset(t)
                        .orElseThrow(() -> ApiException.invalidParameter("The specified nextToken is invalid.")))
                .orElse(0L);
        return new Paging(offset, limit);
    }
}
