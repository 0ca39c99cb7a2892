package dev.gantry.control.inject;

import dev.gantry.core.inject.ValueFrom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SecretSource} for tests: values by secret id (with {@code @stage} or {@code @versionId} for other
 * versions) or parameter name, roles that may read everything, and a record of who read what.
 */
public final class MapSecretSource implements SecretSource {
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Set<String> allowedRoles = ConcurrentHashMap.newKeySet();
    /** "role reads reference" for every read, in order. */
    public final List<String> reads = new CopyOnWriteArrayList<>();

    public MapSecretSource put(String idOrName, String value) {
        values.put(idOrName, value);
        return this;
    }

    public MapSecretSource allow(String roleArn) {
        allowedRoles.add(roleArn);
        return this;
    }

    @Override
    public Lookup read(String executionRoleArn, ValueFrom reference) {
        reads.add(executionRoleArn + " reads " + reference.valueFrom());
        String key = switch (reference) {
            case ValueFrom.SecretsManagerSecret s ->
                s.secretId()
                        + s.versionStage().or(s::versionId).map(v -> "@" + v).orElse("");
            case ValueFrom.SsmParameter p -> p.name();
        };
        String value = values.get(key);
        if (value == null) {
            return new Lookup.NotFound(
                    reference instanceof ValueFrom.SsmParameter
                            ? "ParameterNotFound"
                            : "ResourceNotFoundException: Secrets Manager can't find the specified secret.");
        }
        if (!allowedRoles.contains(executionRoleArn)) {
            return new Lookup.AccessDenied("AccessDeniedException: User: " + executionRoleArn
                    + " is not authorized to perform: secretsmanager:GetSecretValue on resource: " + key);
        }
        return new Lookup.Found(value);
    }
}
