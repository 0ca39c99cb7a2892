package dev.gantry.core.ssm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Label rules: 1–100 characters of letters, digits, {@code . - _}; not beginning with a digit, nor with {@code aws}
 * or {@code ssm} (case-insensitive). LabelParameterVersion returns a label that breaks them in InvalidLabels rather
 * than failing. A version carries at most {@link #MAX_PER_VERSION} labels.
 */
public final class ParameterLabels {
    public static final int MAX_PER_VERSION = 10;
    public static final int MAX_LENGTH = 100;
    private static final Pattern CHARS = Pattern.compile("[a-zA-Z0-9_.\\-]+");

    private ParameterLabels() {}

    public static boolean valid(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        return CHARS.matcher(label).matches()
                && !Character.isDigit(label.charAt(0))
                && !lower.startsWith("aws")
                && !lower.startsWith("ssm");
    }

    /** The model's length check on each label of a request (a ValidationException, not an invalid label). */
    public static void checkLength(String label) {
        if (label.isEmpty() || label.length() > MAX_LENGTH) {
            throw SsmError.invalid(
                    "[" + label + "]",
                    "labels",
                    "Member must satisfy constraint: [Member must have length less than or equal to 100, Member must"
                            + " have length greater than or equal to 1]");
        }
    }
}
