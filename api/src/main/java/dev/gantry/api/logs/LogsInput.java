package dev.gantry.api.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.core.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed, validated reads of a CloudWatch Logs request body. A member of the wrong JSON type is a
 * SerializationException, as AWS's JSON protocol answers before any validation; every other failure is an
 * InvalidParameterException worded like AWS's model validation ("1 validation error detected: Value ... at 'member'
 * failed to satisfy constraint: ...").
 */
final class LogsInput {
    static final Pattern GROUP_NAME = Pattern.compile("[\\.\\-_/#A-Za-z0-9]+");
    static final Pattern STREAM_NAME = Pattern.compile("[^:*]*");
    static final int MAX_NAME = 512;

    private final JsonNode in;

    LogsInput(JsonNode in) {
        this.in = in == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : in;
    }

    static ApiException invalid(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return ApiException.invalidParameter("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    /** A member whose JSON type is not the model's: the request cannot be deserialised. */
    static ApiException wrongType(String member, String expected) {
        return ApiException.serialization("'" + member + "' must be " + expected + ".");
    }

    private Optional<JsonNode> node(String member) {
        JsonNode n = in.get(member);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    Optional<String> string(String member) {
        return node(member).map(n -> {
            if (!n.isTextual()) {
                throw wrongType(member, "a string");
            }
            return n.asText();
        });
    }

    String required(String member) {
        return string(member).orElseThrow(() -> invalid(null, member, "Member must not be null"));
    }

    Optional<Long> longValue(String member, long min, long max) {
        return node(member).map(n -> {
            if (!n.canConvertToExactIntegral() || !n.canConvertToLong()) {
                throw wrongType(member, "a whole number");
            }
            long v = n.asLong();
            if (v < min) {
                throw invalid(v, member, "Member must have value greater than or equal to " + min);
            }
            if (v > max) {
                throw invalid(v, member, "Member must have value less than or equal to " + max);
            }
            return v;
        });
    }

    int limit(String member, int max) {
        return longValue(member, 1, max).map(Long::intValue).orElse(max);
    }

    Optional<Instant> millis(String member) {
        return longValue(member, 0, Long.MAX_VALUE).map(Instant::ofEpochMilli);
    }

    boolean bool(String member, boolean otherwise) {
        return node(member)
                .map(n -> {
                    if (!n.isBoolean()) {
                        throw wrongType(member, "true or false");
                    }
                    return n.booleanValue();
                })
                .orElse(otherwise);
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

    /** The log group from logGroupName, or from logGroupIdentifier (a name or ARN) where the operation allows it. */
    String group(boolean identifierAllowed) {
        Optional<String> name = string("logGroupName");
        Optional<String> identifier = identifierAllowed ? string("logGroupIdentifier") : Optional.empty();
        if (name.isPresent() && identifier.isPresent()) {
            throw ApiException.invalidParameter("LogGroup name and LogGroup ARN are mutually exclusive parameters.");
        }
        if (identifier.isPresent()) {
            String id = identifier.get();
            String member = "logGroupIdentifier";
            return groupName(id.startsWith("arn:") ? groupOfArn(id, member) : id, member);
        }
        return groupName(
                name.orElseThrow(() -> invalid(null, "logGroupName", "Member must not be null")), "logGroupName");
    }

    static String groupName(String name, String member) {
        lengthWithin(name, member);
        if (!GROUP_NAME.matcher(name).matches()) {
            throw invalid(name, member, "Member must satisfy regular expression pattern: " + GROUP_NAME.pattern());
        }
        return name;
    }

    static String streamName(String name, String member) {
        lengthWithin(name, member);
        if (!STREAM_NAME.matcher(name).matches()) {
            throw invalid(name, member, "Member must satisfy regular expression pattern: " + STREAM_NAME.pattern());
        }
        return name;
    }

    private static void lengthWithin(String value, String member) {
        if (value.isEmpty()) {
            throw invalid(value, member, "Member must have length greater than or equal to 1");
        }
        if (value.length() > MAX_NAME) {
            throw invalid(value, member, "Member must have length less than or equal to " + MAX_NAME);
        }
    }

    private static String groupOfArn(String arn, String member) {
        int at = arn.indexOf(":log-group:");
        if (!arn.startsWith("arn:aws:logs:") || at < 0) {
            throw ApiException.invalidParameter("'" + arn + "' is not a log group ARN (" + member + ").");
        }
        String name = arn.substring(at + ":log-group:".length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }
}
