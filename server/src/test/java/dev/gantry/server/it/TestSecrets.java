package dev.gantry.server.it;

import dev.gantry.control.inject.Lookup;
import dev.gantry.control.inject.SecretSource;
import dev.gantry.core.inject.ValueFrom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test-only {@link SecretSource} standing in for Secrets Manager and SSM Parameter Store until they are part of
 * Gantry: values by secret ARN/name or parameter name, readable only by the roles allowed; every read recorded as
 * "role reads valueFrom". Once those services are on main, the ITs create the values with the AWS SDK instead.
 */
final class TestSecrets implements SecretSource {
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final Map<String, Boolean> roles = new ConcurrentHashMap<>();
    final List<String> reads = new CopyOnWriteArrayList<>();

    TestSecrets put(String key, String value) {
        values.put(key, value);
        return this;
    }

    TestSecrets allow(String role) {
        roles.put(role, true);
        return this;
    }

    @Override
    public Lookup read(String executionRoleArn, ValueFrom reference) {
        reads.add(executionRoleArn + " reads " + reference.valueFrom());
        String key = switch (reference) {
            case ValueFrom.SecretsManagerSecret s -> s.secretId();
            case ValueFrom.SsmParameter p -> p.name();
        };
        String value = values.get(key);
        if (value == null) {
            return new Lookup.NotFound(
                    reference instanceof ValueFrom.SsmParameter
                            ? "ParameterNotFound"
                            : "ResourceNotFoundException: Secrets Manager can't find the specified secret.");
        }
        if (!roles.containsKey(executionRoleArn)) {
            return new Lookup.AccessDenied("AccessDeniedException: User: " + executionRoleArn
                    + " is not authorized to perform: secretsmanager:GetSecretValue");
        }
        return new Lookup.Found(value);
    }
}
