package dev.gantry.store.secret;

import dev.gantry.core.secret.SecretValue;
import java.util.Optional;

/**
 * Reads a secret's value for the control plane (e.g. a task definition's {@code secrets} at container start): by
 * name, full ARN or partial ARN, at a version stage (AWSCURRENT when neither is given) or a version id, or both (the
 * version must then carry the stage). Empty when there is no such secret or version, or the secret is scheduled for
 * deletion.
 */
@FunctionalInterface
public interface SecretValues {

    Optional<SecretValue> current(String secretIdOrArn, Optional<String> versionStage, Optional<String> versionId);
}
