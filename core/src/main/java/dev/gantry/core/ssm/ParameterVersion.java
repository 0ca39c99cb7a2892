package dev.gantry.core.ssm;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a parameter as stored: what PutParameter wrote, and the labels that point at it now.
 *
 * @param modifiedBy the ARN of the principal who wrote this version (LastModifiedUser)
 */
public record ParameterVersion(
        String name,
        long version,
        ParameterType type,
        ParameterValue value,
        Optional<String> keyId,
        ParameterTier tier,
        String dataType,
        Optional<String> description,
        Optional<String> allowedPattern,
        Instant modifiedAt,
        String modifiedBy,
        List<String> labels) {

    public ParameterVersion {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(allowedPattern, "allowedPattern");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        Objects.requireNonNull(modifiedBy, "modifiedBy");
        labels = List.copyOf(labels);
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1, was " + version);
        }
        if (tier == ParameterTier.INTELLIGENT_TIERING) {
            throw new IllegalArgumentException("a stored version is Standard or Advanced");
        }
        if ((type == ParameterType.SECURE_STRING) != (value instanceof ParameterValue.Sealed)) {
            throw new IllegalArgumentException("a SecureString value is sealed, and only a SecureString's is");
        }
    }

    public ParameterVersion withLabels(List<String> newLabels) {
        return new ParameterVersion(
                name,
                version,
                type,
                value,
                keyId,
                tier,
                dataType,
                description,
                allowedPattern,
                modifiedAt,
                modifiedBy,
                newLabels);
    }
}
