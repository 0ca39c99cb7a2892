package dev.gantry.api.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.ssm.SsmError;
import dev.gantry.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads of an SSM request body. A member of the wrong JSON type is SerializationException (AWS's JSON protocol
 * answers so before validating); a missing or out-of-range member is ValidationException worded as AWS's model
 * validation. Never echoes the {@code Value} member.
 */
final class SsmInput {
    private final JsonNode in;

    SsmInput(JsonNode in) {
        this.in = in == null ? MissingNode.getInstance() : in;
    }

    static ApiException wrongType(String member, String expected) {
        return ApiException.serialization("'" + member + "' must be " + expected + ".");
    }

    private static String lower(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }

    private Optional<JsonNode> node(String member) {
        JsonNode n = in.get(member);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    Optional<String> string(String member) {
        return node(member).map(n -> text(n, member));
    }

    private static String text(JsonNode n, String member) {
        if (!n.isTextual()) {
            throw wrongType(member, "a string");
        }
        return n.asText();
    }

    String required(String member) {
        return string(member).orElseThrow(() -> SsmError.invalid(null, lower(member), "Member must not be null"));
    }

    boolean bool(String member) {
        return node(member)
                .map(n -> {
                    if (!n.isBoolean()) {
                        throw wrongType(member, "true or false");
                    }
                    return n.booleanValue();
                })
                .orElse(false);
    }

    Optional<Long> whole(String member, long min, long max) {
        return node(member).map(n -> {
            if (!n.canConvertToExactIntegral() || !n.canConvertToLong()) {
                throw wrongType(member, "a whole number");
            }
            long v = n.asLong();
            if (v < min) {
                throw SsmError.invalid(v, lower(member), "Member must have value greater than or equal to " + min);
            }
            if (v > max) {
                throw SsmError.invalid(v, lower(member), "Member must have value less than or equal to " + max);
            }
            return v;
        });
    }

    List<JsonNode> list(String member) {
        return node(member)
                .map(n -> {
                    if (!n.isArray()) {
                        throw wrongType(member, "a list");
                    }
                    List<JsonNode> out = new ArrayList<>();
                    n.forEach(out::add);
                    return out;
                })
                .orElse(List.of());
    }

    /** A required list of strings with the model's length bounds. */
    List<String> strings(String member, int min, int max, boolean required) {
        if (required && node(member).isEmpty()) {
            throw SsmError.invalid(null, lower(member), "Member must not be null");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(member)) {
            out.add(text(n, member + "[]"));
        }
        if (node(member).isPresent() && out.size() < min) {
            throw SsmError.invalid(out, lower(member), "Member must have length greater than or equal to " + min);
        }
        if (out.size() > max) {
            throw SsmError.invalid(out, lower(member), "Member must have length less than or equal to " + max);
        }
        return out;
    }

    /** The offset a NextToken stands for (0 without one); InvalidNextToken for a token Gantry did not issue. */
    long offset() {
        return string("NextToken")
                .map(t -> Page.offset(t)
                        .orElseThrow(() ->
                                SsmError.INVALID_NEXT_TOKEN.error(dev.gantry.core.ssm.SsmMessages.INVALID_NEXT_TOKEN)))
                .orElse(0L);
    }

    JsonNode raw() {
        return in;
    }
}
