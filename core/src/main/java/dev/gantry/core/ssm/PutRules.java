package dev.gantry.core.ssm;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What PutParameter makes of a request, given the parameter's latest version (if it exists): the next version's
 * fields, or the error AWS gives. Pure. On overwrite, a member left out keeps the latest version's type,
 * description, allowed pattern, data type, KMS key id and (if it was Advanced) tier; a new SecureString without
 * KeyId uses {@link #DEFAULT_KEY_ID}.
 */
public final class PutRules {
    public static final String DEFAULT_KEY_ID = "alias/aws/ssm";
    public static final String DEFAULT_DATA_TYPE = "text";
    /** The versions a parameter keeps; a put beyond them drops the oldest (unless a label holds it). */
    public static final int MAX_VERSIONS = 100;

    private static final Set<String> DATA_TYPES = Set.of("text", "aws:ec2:image", "aws:ssm:integration");
    private static final Pattern KEY_ID = Pattern.compile("[a-zA-Z0-9:/_-]+");

    /** The next version to write. {@code value} is plaintext: the store seals a SecureString's. */
    public record Draft(
            String name,
            long version,
            ParameterType type,
            String value,
            Optional<String> keyId,
            ParameterTier tier,
            String dataType,
            Optional<String> description,
            Optional<String> allowedPattern) {
        @Override
        public String toString() {
            return "Draft[name=" + name + ", version=" + version + ", type=" + type + "]";
        }
    }

    private PutRules() {}

    public static Draft decide(PutParameter r, Optional<ParameterVersion> latest) {
        if (r.value().isEmpty()) {
            throw SsmError.VALIDATION.error(SsmMessages.EMPTY_VALUE);
        }
        if (r.overwrite() && !r.tags().isEmpty()) {
            throw SsmError.VALIDATION.error(SsmMessages.TAGS_WITH_OVERWRITE);
        }
        r.description().ifPresent(d -> {
            if (d.length() > 1024) {
                throw SsmError.invalid(d, "description", "Member must have length less than or equal to 1024");
            }
        });
        if (latest.isPresent() && !r.overwrite()) {
            throw SsmError.PARAMETER_ALREADY_EXISTS.error(SsmMessages.ALREADY_EXISTS);
        }
        ParameterType type = r.type()
                .or(() -> latest.map(ParameterVersion::type))
                .orElseThrow(() -> SsmError.VALIDATION.error(SsmMessages.TYPE_REQUIRED));
        Optional<String> keyId = keyId(r, type, latest);
        String dataType =
                r.dataType().or(() -> latest.map(ParameterVersion::dataType)).orElse(DEFAULT_DATA_TYPE);
        if (!DATA_TYPES.contains(dataType)) {
            throw SsmError.VALIDATION.error(SsmMessages.unsupportedDataType(dataType));
        }
        ParameterTier tier = tier(r, latest);
        Optional<String> description = r.description().or(() -> latest.flatMap(ParameterVersion::description));
        Optional<String> pattern = r.allowedPattern().or(() -> latest.flatMap(ParameterVersion::allowedPattern));
        pattern.ifPresent(p -> checkPattern(p, r.value()));
        long version = latest.map(v -> v.version() + 1).orElse(1L);
        return new Draft(r.name(), version, type, r.value(), keyId, tier, dataType, description, pattern);
    }

    private static Optional<String> keyId(PutParameter r, ParameterType type, Optional<ParameterVersion> latest) {
        if (r.keyId().isPresent()) {
            String k = r.keyId().get();
            if (type != ParameterType.SECURE_STRING) {
                throw SsmError.VALIDATION.error(SsmMessages.KEY_ID_NOT_SECURE);
            }
            if (k.isEmpty() || k.length() > 256 || !KEY_ID.matcher(k).matches()) {
                throw SsmError.invalid(
                        k, "keyId", "Member must satisfy regular expression pattern: ^([a-zA-Z0-9:/_-]+)$");
            }
            return Optional.of(k);
        }
        if (type != ParameterType.SECURE_STRING) {
            return Optional.empty();
        }
        return Optional.of(latest.flatMap(ParameterVersion::keyId).orElse(DEFAULT_KEY_ID));
    }

    private static ParameterTier tier(PutParameter r, Optional<ParameterVersion> latest) {
        boolean wasAdvanced =
                latest.map(v -> v.tier() == ParameterTier.ADVANCED).orElse(false);
        int length = r.value().length();
        ParameterTier requested = r.tier().orElse(wasAdvanced ? ParameterTier.ADVANCED : ParameterTier.STANDARD);
        ParameterTier tier = switch (requested) {
            case INTELLIGENT_TIERING ->
                wasAdvanced || length > ParameterTier.STANDARD.maxValue()
                        ? ParameterTier.ADVANCED
                        : ParameterTier.STANDARD;
            case STANDARD, ADVANCED -> requested;
        };
        if (tier == ParameterTier.STANDARD && wasAdvanced) {
            throw SsmError.VALIDATION.error(SsmMessages.NO_DOWNGRADE);
        }
        if (length > tier.maxValue()) {
            throw SsmError.VALIDATION.error(
                    tier == ParameterTier.STANDARD ? SsmMessages.STANDARD_TOO_LARGE : SsmMessages.ADVANCED_TOO_LARGE);
        }
        return tier;
    }

    private static void checkPattern(String pattern, String value) {
        if (pattern.length() > 1024) {
            throw SsmError.invalid(pattern, "allowedPattern", "Member must have length less than or equal to 1024");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw SsmError.INVALID_ALLOWED_PATTERN.error(
                    "The allowed pattern " + pattern + " is not a valid regular expression: " + e.getDescription());
        }
        if (!compiled.matcher(value).matches()) {
            throw SsmError.PARAMETER_PATTERN_MISMATCH.error(SsmMessages.patternMismatch(pattern));
        }
    }

    /**
     * Whether a put that makes the parameter's versions exceed {@link #MAX_VERSIONS} may drop the oldest: not when a
     * label holds it (ParameterMaxVersionLimitExceeded).
     */
    public static boolean dropsOldest(long versionCount, ParameterVersion oldest) {
        if (versionCount < MAX_VERSIONS) {
            return false;
        }
        if (!oldest.labels().isEmpty()) {
            throw SsmError.PARAMETER_MAX_VERSION_LIMIT_EXCEEDED.error(
                    SsmMessages.maxVersions(oldest.name(), oldest.version()));
        }
        return true;
    }
}
