package dev.gantry.api.servicediscovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.servicediscovery.CloudMapError;
import dev.gantry.core.servicediscovery.CloudMapMessages;
import dev.gantry.store.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a Cloud Map request body. A member of the wrong JSON type is SerializationException (AWS's JSON
 * protocol answers so before validating); a missing required member or one out of the model's bounds is InvalidInput
 * naming the member.
 */
final class CloudMapInput {
    private final JsonNode in;

    CloudMapInput(JsonNode in) {
        this.in = in == null || in.isNull() ? MissingNode.getInstance() : in;
    }

    private static ApiException wrongType(String member, String expected) {
        return ApiException.serialization("'" + member + "' must be " + expected + ".");
    }

    Optional<JsonNode> node(String member) {
        JsonNode n = in.get(member);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    CloudMapInput object(String member) {
        return new CloudMapInput(node(member)
                .map(n -> {
                    if (!n.isObject()) {
                        throw wrongType(member, "an object");
                    }
                    return n;
                })
                .orElse(MissingNode.getInstance()));
    }

    boolean has(String member) {
        return node(member).isPresent();
    }

    Optional<String> string(String member, int max) {
        return node(member).map(n -> {
            if (!n.isTextual()) {
                throw wrongType(member, "a string");
            }
            String s = n.asText();
            if (s.length() > max) {
                throw CloudMapError.invalid(
                        member + " must have at most " + max + " characters; it has " + s.length() + ".");
            }
            return s;
        });
    }

    String required(String member, int max) {
        String s = string(member, max).orElseThrow(() -> missing(member));
        if (s.isEmpty()) {
            throw CloudMapError.invalid(member + " must not be empty.");
        }
        return s;
    }

    static ApiException missing(String member) {
        return CloudMapError.invalid("The request is missing the required member " + member + ".");
    }

    Optional<Long> whole(String member, long min, long max) {
        return node(member).map(n -> {
            if (!n.canConvertToExactIntegral() || !n.canConvertToLong()) {
                throw wrongType(member, "a whole number");
            }
            long v = n.asLong();
            if (v < min || v > max) {
                throw CloudMapError.invalid(member + " must be between " + min + " and " + max + "; it is " + v + ".");
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

    List<String> strings(String member) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(member)) {
            if (!n.isTextual()) {
                throw wrongType(member + "[]", "a string");
            }
            out.add(n.asText());
        }
        return out;
    }

    /** A string-to-string map member (Attributes, QueryParameters). */
    Map<String, String> map(String member) {
        Map<String, String> out = new LinkedHashMap<>();
        node(member).ifPresent(n -> {
            if (!n.isObject()) {
                throw wrongType(member, "an object of strings");
            }
            n.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw wrongType(member + "." + e.getKey(), "a string");
                }
                out.put(e.getKey(), e.getValue().asText());
            });
        });
        return out;
    }

    /** A Tags list ([{Key, Value}]) as a map; both members are required. */
    Map<String, String> tags(String member) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode t : list(member)) {
            CloudMapInput tag = new CloudMapInput(t);
            String key = tag.string("Key", 128).orElseThrow(() -> missing(member + "[].Key"));
            String value = tag.string("Value", 256).orElseThrow(() -> missing(member + "[].Value"));
            out.put(key, value);
        }
        return out;
    }

    /** The offset a NextToken stands for (0 without one). */
    long offset() {
        return string("NextToken", 4096)
                .map(t -> Page.offset(t).orElseThrow(() -> CloudMapError.invalid(CloudMapMessages.INVALID_NEXT_TOKEN)))
                .orElse(0L);
    }

    int maxResults(int max, int dflt) {
        return whole("MaxResults", 1, max).map(Long::intValue).orElse(dflt);
    }
}
