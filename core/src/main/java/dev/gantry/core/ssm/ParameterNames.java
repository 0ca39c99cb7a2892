package dev.gantry.core.ssm;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parameter Store's naming rules. A name is a single word ({@code db-url}) or a hierarchy ({@code /app/prod/db-url},
 * which must begin with {@code /}), of letters, digits, {@code _ . -} and {@code /}; at most 15 levels; not prefixed
 * with {@code aws} or {@code ssm} (case-insensitive, after the leading slash); at most 2048 characters as the model
 * says, and at most 1011 characters counting the ARN prefix, as AWS's user guide says.
 */
public final class ParameterNames {
    public static final int MAX_LEVELS = 15;
    public static final int MAX_LENGTH = 2048;
    public static final int MAX_LENGTH_WITH_ARN = 1011;
    private static final Pattern CHARS = Pattern.compile("[a-zA-Z0-9_.\\-/]+");

    private ParameterNames() {}

    /**
     * The name PutParameter (and every call that creates or names one parameter) accepts, trimmed of surrounding
     * spaces as AWS does; else the ValidationException or HierarchyLevelLimitExceededException AWS gives.
     */
    public static String checkNew(String raw, String arnPrefix) {
        String name = raw.strip();
        checkLength(name, "name");
        String bare = name.startsWith("/") ? name.substring(1) : name;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.startsWith("aws") || lower.startsWith("ssm")) {
            throw SsmError.VALIDATION.error(SsmMessages.RESERVED_PREFIX);
        }
        checkShape(name);
        if (arnPrefix.length() + bare.length() > MAX_LENGTH_WITH_ARN) {
            throw SsmError.VALIDATION.error("Parameter name can't be longer than " + MAX_LENGTH_WITH_ARN
                    + " characters, counting the ARN prefix (" + arnPrefix + ").");
        }
        return name;
    }

    /** A name that may exist (reads and deletes): the shape, not the reserved prefixes. */
    public static String checkExisting(String raw) {
        String name = raw.strip();
        checkLength(name, "name");
        checkShape(name);
        return name;
    }

    private static void checkLength(String name, String member) {
        if (name.isEmpty()) {
            throw SsmError.invalid(name, member, "Member must have length greater than or equal to 1");
        }
        if (name.length() > MAX_LENGTH) {
            throw SsmError.invalid(name, member, "Member must have length less than or equal to " + MAX_LENGTH);
        }
    }

    private static void checkShape(String name) {
        if (!CHARS.matcher(name).matches() || name.contains("//") || (name.length() > 1 && name.endsWith("/"))) {
            throw SsmError.VALIDATION.error(SsmMessages.BAD_NAME);
        }
        if (name.contains("/") && !name.startsWith("/")) {
            throw SsmError.VALIDATION.error(SsmMessages.NOT_FULLY_QUALIFIED);
        }
        if (levels(name) > MAX_LEVELS) {
            throw SsmError.HIERARCHY_LEVEL_LIMIT_EXCEEDED.error(SsmMessages.HIERARCHY_LIMIT);
        }
    }

    /** How many levels a name has: {@code /a/b/c} three, {@code name} one. */
    public static int levels(String name) {
        String bare = name.startsWith("/") ? name.substring(1) : name;
        return bare.isEmpty() ? 0 : bare.split("/", -1).length;
    }

    /**
     * GetParametersByPath's path, normalised without a trailing slash ({@code /} stays {@code /}); else the
     * ValidationException AWS gives for a bad path.
     */
    public static String checkPath(String raw) {
        String path = raw.strip();
        if (!path.startsWith("/") || !CHARS.matcher(path).matches() || path.contains("//")) {
            throw SsmError.VALIDATION.error(SsmMessages.BAD_PATH);
        }
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (levels(normalised) > MAX_LEVELS) {
            throw SsmError.HIERARCHY_LEVEL_LIMIT_EXCEEDED.error(SsmMessages.HIERARCHY_LIMIT);
        }
        return normalised;
    }

    /** The parameter directly under {@code path} ({@code recursive}: anywhere under it). */
    public static boolean under(String name, String path, boolean recursive) {
        String prefix = path.equals("/") ? "/" : path + "/";
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            return false;
        }
        return recursive || name.indexOf('/', prefix.length()) < 0;
    }

    /** The ARN of {@code name}: {@code arn:aws:ssm:REGION:ACCOUNT:parameter/a/b}, one slash for a leading one. */
    public static String arn(String region, String account, String name) {
        return arnPrefix(region, account) + (name.startsWith("/") ? name.substring(1) : name);
    }

    /** What precedes a name in its ARN. */
    public static String arnPrefix(String region, String account) {
        return "arn:aws:ssm:" + region + ":" + account + ":parameter/";
    }
}
