package dev.gantry.api.secretsmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gantry.core.error.ApiException;
import dev.gantry.core.secret.SecretFilter;
import dev.gantry.core.secret.SecretMessages;
import dev.gantry.core.secret.SecretNames;
import dev.gantry.core.secret.SecretTag;
import dev.gantry.core.secret.SecretValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Typed, validated reads of a Secrets Manager request body. A member of the wrong JSON type is a
 * SerializationException; a value outside the model's constraints an InvalidParameterException worded like AWS's
 * model validation. Messages never quote a secret value.
 */
final class SecretsInput {
    static final int MIN_TOKEN = 32;
    static final int MAX_TOKEN = 64;
    static final int MAX_TAGS = 50;

    private final JsonNode in;

    SecretsInput(JsonNode in) {
        this.in = in == null ? MissingNode.getInstance() : in;
    }

    static ApiException invalid(Object value, String member, String constraint) {
        String shown = value == null ? "null" : "'" + value + "'";
        return ApiException.invalidParameter("1 validation error detected: Value " + shown + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    static ApiException wrongType(String member, String expected) {
        return ApiException.serialization("'" + member + "' must be " + expected + ".");
    }

    Optional<JsonNode> node(String member) {
        JsonNode n = in.get(member);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
    }

    boolean has(String member) {
        return node(member).isPresent();
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

    /** A string of {@code min}..{@code max} characters (the value is shown only when {@code show}). */
    Optional<String> string(String member, int min, int max) {
        return string(member).map(v -> {
            if (v.length() < min) {
                throw invalid(v, member, "Member must have length greater than or equal to " + min);
            }
            if (v.length() > max) {
                throw invalid(SecretNamesAbbrev.of(v), member, "Member must have length less than or equal to " + max);
            }
            return v;
        });
    }

    /** SecretId: a name or ARN of 1-2048 characters. */
    String secretId() {
        return string("SecretId", 1, SecretNames.MAX_SECRET_ID)
                .orElseThrow(() -> invalid(null, "SecretId", "Member must not be null"));
    }

    Optional<String> token(String member) {
        return string(member, MIN_TOKEN, MAX_TOKEN);
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

    Optional<Boolean> bool(String member) {
        return node(member).map(n -> {
            if (!n.isBoolean()) {
                throw wrongType(member, "true or false");
            }
            return n.booleanValue();
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

    /** SecretString or SecretBinary (base64 on the wire), at most 64 KB, never both. */
    Optional<SecretValue> value() {
        Optional<String> text = string("SecretString");
        Optional<String> binary = string("SecretBinary");
        if (text.isPresent() && binary.isPresent()) {
            throw SecretMessages.invalidParameter(SecretMessages.BOTH_VALUES);
        }
        Optional<SecretValue> value = text.<SecretValue>map(SecretValue.Text::new)
                .or(() -> binary.map(b -> {
                    try {
                        return new SecretValue.Binary(Base64.getDecoder().decode(b));
                    } catch (IllegalArgumentException e) {
                        throw wrongType("SecretBinary", "base64-encoded bytes");
                    }
                }));
        value.ifPresent(v -> {
            int size = v.bytes().length;
            if (size > SecretValue.MAX_BYTES) {
                throw SecretMessages.invalidParameter("The secret value is " + size + " bytes; Secrets Manager "
                        + "stores at most " + SecretValue.MAX_BYTES + " bytes (64 KB). Store a smaller value, e.g. "
                        + "a reference to where the data lives.");
            }
            if (size == 0 && v instanceof SecretValue.Binary) {
                throw invalid("", "SecretBinary", "Member must have length greater than or equal to 1");
            }
        });
        return value;
    }

    /** Tags: 1-128 character keys, values up to 256 characters, at most 50. */
    List<SecretTag> tags(String member) {
        List<SecretTag> out = new ArrayList<>();
        for (JsonNode n : list(member)) {
            SecretsInput t = new SecretsInput(n);
            String key = t.string("Key", 1, 128)
                    .orElseThrow(() -> invalid(null, member + ".Key", "Member must not be null"));
            String value = t.string("Value", 0, 256).orElse("");
            out.add(new SecretTag(key, value));
        }
        if (out.size() > MAX_TAGS) {
            throw SecretMessages.invalidParameter(
                    "A secret can have at most " + MAX_TAGS + " tags; the request has " + out.size() + ".");
        }
        return out;
    }

    List<SecretFilter> filters() {
        List<SecretFilter> out = new ArrayList<>();
        for (JsonNode n : list("Filters")) {
            SecretsInput f = new SecretsInput(n);
            String key = f.required("Key");
            out.add(new SecretFilter(SecretFilter.Key.of(key), f.strings("Values")));
        }
        return out;
    }

    /** Abbreviates a long value shown in a message. */
    private static final class SecretNamesAbbrev {
        static String of(String s) {
            return s.length() <= 64 ? s : s.substring(0, 61) + "...";
        }
    }
}
