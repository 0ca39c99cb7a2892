package dev.gantry.core.ssm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PutParameter request, with its members read but its rules not yet applied ({@link PutRules} does that against
 * the latest version). {@code toString} never shows the value.
 *
 * @param principal the caller's ARN (LastModifiedUser)
 */
public record PutParameter(
        String name,
        String value,
        Optional<ParameterType> type,
        Optional<String> keyId,
        boolean overwrite,
        Optional<ParameterTier> tier,
        Optional<String> description,
        Optional<String> allowedPattern,
        Optional<String> dataType,
        List<ParameterTag> tags,
        String principal) {

    public PutParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(allowedPattern, "allowedPattern");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(principal, "principal");
        tags = List.copyOf(tags);
    }

    @Override
    public String toString() {
        return "PutParameter[name=" + name + ", type=" + type + ", overwrite=" + overwrite + ", tier=" + tier + "]";
    }
}
