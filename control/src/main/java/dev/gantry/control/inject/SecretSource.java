package dev.gantry.control.inject;

import dev.gantry.core.inject.ValueFrom;

/**
 * Where secret values come from: Secrets Manager and SSM Parameter Store, read as a task's execution role (never its
 * task role, never Gantry's admin keys). An implementation checks that the role may read the value (for a secret
 * {@code secretsmanager:GetSecretValue} on it, for a parameter {@code ssm:GetParameters} on it, decryption implied)
 * and answers {@link Lookup.AccessDenied} when it may not.
 */
public interface SecretSource {

    /**
     * The value {@code reference} names, read as {@code executionRoleArn}: for a Secrets Manager secret its
     * SecretString at the version stage or id the reference selects (AWSCURRENT when neither; a JSON key is applied
     * by the caller, not here); for an SSM parameter its value, decrypted when it is a SecureString.
     */
    Lookup read(String executionRoleArn, ValueFrom reference);

    /** Refuses every read, naming the service that is missing: what the server wires until the services exist. */
    static SecretSource unavailable() {
        return (role, reference) -> new Lookup.Unavailable(
                switch (reference) {
                    case ValueFrom.SecretsManagerSecret s ->
                        "Secrets Manager is not available yet in this Gantry, so secret values cannot be read";
                    case ValueFrom.SsmParameter p ->
                        "SSM Parameter Store is not available yet in this Gantry, so parameter values cannot be read";
                });
    }
}
