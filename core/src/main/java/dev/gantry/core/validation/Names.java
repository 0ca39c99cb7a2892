package dev.gantry.core.validation;

import dev.gantry.core.error.ApiException;
import java.util.regex.Pattern;

/**
 * Rules for the names clients choose: cluster names, task definition families, {@code startedBy} and
 * {@code group}. Each method returns its argument so callers can validate inline.
 */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern STARTED_BY = Pattern.compile("[A-Za-z0-9/_-]{1,128}");
    private static final String NAME_CHARS =
            "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed.";

    private Names() {}

    /** A cluster name (CreateCluster); {@code InvalidParameterException} if it is empty, too long or has other characters. */
    public static String cluster(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalidParameter("Invalid cluster name '" + shown(name) + "'. " + NAME_CHARS);
        }
        return name;
    }

    /** A task definition family; {@code ClientException} as RegisterTaskDefinition reports it. */
    public static String family(String family) {
        if (family == null || family.isEmpty()) {
            throw ApiException.client(
                    "Family is required: set \"family\" to a name for this task definition. " + NAME_CHARS);
        }
        if (!NAME.matcher(family).matches()) {
            throw ApiException.client(
                    "Family contains invalid characters or is too long: '" + family + "'. " + NAME_CHARS);
        }
        return family;
    }

    /** RunTask's {@code startedBy}, if given: up to 128 letters, numbers, hyphens, underscores and slashes. */
    public static String startedBy(String startedBy) {
        if (startedBy != null && !STARTED_BY.matcher(startedBy).matches()) {
            throw ApiException.invalidParameter("Invalid startedBy '" + startedBy + "'. Up to 128 letters "
                    + "(uppercase and lowercase), numbers, hyphens, underscores, and forward slashes are allowed.");
        }
        return startedBy;
    }

    /** RunTask's {@code group}, if given: 1 to 255 characters. */
    public static String group(String group) {
        if (group != null && (group.isBlank() || group.length() > 255)) {
            throw ApiException.invalidParameter("Invalid group '" + group + "'. A task group must be 1 to 255 "
                    + "characters; omit it to use the default 'family:<family>'.");
        }
        return group;
    }

    private static String shown(String value) {
        return value == null ? "" : value;
    }
}
