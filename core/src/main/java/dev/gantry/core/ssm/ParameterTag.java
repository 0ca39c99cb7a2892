package dev.gantry.core.ssm;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tag on a parameter, checked as SSM's model checks Tag keys and values. */
public record ParameterTag(String key, String value) {
    public static final int MAX_PER_RESOURCE = 50;
    private static final Pattern CHARS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    public ParameterTag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** A tag whose key and value satisfy the model, else its ValidationException. */
    public static ParameterTag checked(String key, String value) {
        checkKey(key, "tags.member.key");
        if (value.length() > 256) {
            throw SsmError.invalid(value, "tags.member.value", "Member must have length less than or equal to 256");
        }
        if (!CHARS.matcher(value).matches()) {
            throw SsmError.invalid(
                    value,
                    "tags.member.value",
                    "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
        }
        return new ParameterTag(key, value);
    }

    public static String checkKey(String key, String member) {
        if (key.isEmpty() || key.length() > 128) {
            throw SsmError.invalid(key, member, "Member must have length between 1 and 128");
        }
        if (!CHARS.matcher(key).matches()) {
            throw SsmError.invalid(
                    key, member, "Member must satisfy regular expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
        }
        return key;
    }
}
