package dev.gantry.core.validation;

import dev.gantry.core.error.ApiException;
import dev.gantry.core.tag.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ECS's tag rules (facts §2.6): at most 50 tags, keys 1-128 and values up to 256 characters of letters, numbers,
 * spaces and {@code _ . : / = + - @}, unique keys, and the {@code aws:} prefix reserved. Every violation is an
 * {@code InvalidParameterException}, as ECS reports it.
 */
public final class TagValidator {
    public static final int MAX_TAGS = 50;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String ALLOWED_TEXT = "letters, numbers, spaces and the characters _ . : / = + - @";

    private TagValidator() {}

    /** Checks a tag list as sent to RegisterTaskDefinition, RunTask, CreateCluster or TagResource; null is no tags. */
    public static List<Tag> validate(List<Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > MAX_TAGS) {
            throw ApiException.invalidParameter("Too many tags: " + tags.size() + " given, but a resource can have at "
                    + "most " + MAX_TAGS + " tags.");
        }
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            validateTag(tag);
            if (!keys.add(tag.key())) {
                throw ApiException.invalidParameter(
                        "Duplicate tag key '" + tag.key() + "'. Each tag key may appear " + "only once.");
            }
        }
        return List.copyOf(tags);
    }

    /** Checks one tag. */
    public static void validateTag(Tag tag) {
        if (tag == null || tag.key() == null || tag.key().isEmpty()) {
            throw ApiException.invalidParameter(
                    "Tag key is required: each tag needs a 'key' of 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        String key = tag.key();
        if (length(key) > MAX_KEY_LENGTH) {
            throw ApiException.invalidParameter("Tag key '" + key + "' is " + length(key) + " characters long; "
                    + "the maximum is " + MAX_KEY_LENGTH + ".");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw ApiException.invalidParameter("Tag key '" + key + "' uses the reserved prefix 'aws:'. "
                    + "Keys starting with 'aws:' are reserved for AWS use; choose another key.");
        }
        if (!ALLOWED.matcher(key).matches()) {
            throw ApiException.invalidParameter(
                    "Tag key '" + key + "' contains invalid characters. Allowed: " + ALLOWED_TEXT + ".");
        }
        String value = tag.value();
        if (value == null) {
            return;
        }
        if (length(value) > MAX_VALUE_LENGTH) {
            throw ApiException.invalidParameter("Tag value for key '" + key + "' is " + length(value)
                    + " characters long; the maximum is " + MAX_VALUE_LENGTH + ".");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw ApiException.invalidParameter(
                    "Tag value for key '" + key + "' contains invalid characters. " + "Allowed: " + ALLOWED_TEXT + ".");
        }
    }

    /** Length in Unicode characters, as AWS counts tag lengths. */
    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
